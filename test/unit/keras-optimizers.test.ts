import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chooseBackend } from '../../scripts/backend';
import { KerasAdamOptimizer } from '../../src/lib/keras-adam';
import { KerasRmspropOptimizer } from '../../src/lib/keras-rmsprop';
import { OPTIMIZER_NAMES } from '../../src/experiment/optimizers';
import { createOptimizer } from '../../src/lib/optimizers';
import { RmspropOptimizer } from '../../src/lib/rmsprop';
import { firstStepAfterQuiet } from '../../src/experiment/step-sizes';

/**
 * Gradients for four weights over six steps: an ordinary one, one that is zero on some steps, one
 * that is tiny (the regime of rarely inked pixels, where ε's placement matters) and one that is
 * zero throughout.
 */
const GRADIENTS = [
  [0.3, -0.2, 0.25, 0.1, -0.4, 0.05],
  [0, 0.02, 0, 0, -0.03, 0],
  [2e-5, 0, -1e-5, 3e-6, 0, 5e-5],
  [0, 0, 0, 0, 0, 0],
];
const START = [0.5, -0.25, 0.125, 1];

/** Keras 2's RMSprop in float64: ms ← ρ·ms + (1 − ρ)·g², w ← w − lr·g / (√ms + ε). */
function kerasRmspropReference(lr: number, rho = 0.9, eps = 1e-7): number[] {
  return START.map((w0, i) => {
    let w = w0;
    let ms = 0;
    for (const g of GRADIENTS[i]) {
      ms = rho * ms + (1 - rho) * g * g;
      w -= (lr * g) / (Math.sqrt(ms) + eps);
    }
    return w;
  });
}

/** Keras 2's Adam in float64, with the bias correction folded into the step size. */
function kerasAdamReference(lr: number, b1 = 0.9, b2 = 0.999, eps = 1e-7): number[] {
  return START.map((w0, i) => {
    let w = w0;
    let m = 0;
    let v = 0;
    GRADIENTS[i].forEach((g, step) => {
      const t = step + 1;
      m = b1 * m + (1 - b1) * g;
      v = b2 * v + (1 - b2) * g * g;
      w -= ((lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t)) * (m / (Math.sqrt(v) + eps));
    });
    return w;
  });
}

async function runSteps(optimizer: tf.Optimizer, tag: string): Promise<number[]> {
  const initial = tf.tensor1d(START);
  const variable = tf.variable(initial, true, `${tag}/w`);
  initial.dispose();
  try {
    for (let step = 0; step < GRADIENTS[0].length; step++) {
      const g = tf.tensor1d(GRADIENTS.map((row) => row[step]));
      optimizer.applyGradients([{ name: variable.name, tensor: g }]);
      g.dispose();
    }
    return Array.from(variable.dataSync());
  } finally {
    variable.dispose();
    optimizer.dispose();
  }
}

describe.each(['cpu', 'wasm'] as const)('Keras optimizers on %s', (backend) => {
  it('RMSprop matches a float64 reference of the Keras 2 update, tiny and zero gradients included', async () => {
    await chooseBackend(backend);
    const before = tf.memory().numTensors;
    const got = await runSteps(new KerasRmspropOptimizer(0.001), `keras-rms-${backend}`);
    const want = kerasRmspropReference(0.001);
    // Each weight moved by the Keras step, to float32 precision relative to the distance moved.
    got.forEach((w, i) => expect(Math.abs(w - want[i])).toBeLessThan(1e-6 * Math.max(1e-3, Math.abs(want[i] - START[i])) + 1e-7));
    expect(got[3]).toBe(START[3]);
    // The tiny-gradient weight takes near full-size steps (about lr/√0.1 on its first one).
    expect(Math.abs(got[2] - START[2])).toBeGreaterThan(0.003);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the tfjs form damps the tiny gradients that the Keras form does not', async () => {
    await chooseBackend(backend);
    const keras = await runSteps(new KerasRmspropOptimizer(0.001), `keras-cmp-${backend}`);
    const tfjs = await runSteps(new RmspropOptimizer(0.001), `tfjs-cmp-${backend}`);
    const kerasMove = Math.abs(keras[2] - START[2]);
    const tfjsMove = Math.abs(tfjs[2] - START[2]);
    expect(kerasMove).toBeGreaterThan(5 * tfjsMove);
    // On the ordinary gradient the two agree closely.
    expect(Math.abs(keras[0] - tfjs[0])).toBeLessThan(1e-5);
  });

  it('Adam matches a float64 reference of the Keras 2 update', async () => {
    await chooseBackend(backend);
    const got = await runSteps(new KerasAdamOptimizer(), `keras-adam-${backend}`);
    const want = kerasAdamReference(0.001);
    got.forEach((w, i) => expect(Math.abs(w - want[i])).toBeLessThan(1e-6 * Math.max(1e-3, Math.abs(want[i] - START[i])) + 1e-7));
    expect(Math.abs(got[0] - START[0])).toBeGreaterThan(0.001);
  });

  it('saves and restores its state', async () => {
    await chooseBackend(backend);
    const optimizer = new KerasRmspropOptimizer(0.001);
    const v = tf.variable(tf.tensor1d([1, 2]), true, `keras-save-${backend}/w`);
    optimizer.applyGradients([{ name: v.name, tensor: tf.tensor1d([0.5, -0.5]) }]);
    const weights = await optimizer.getWeights();
    expect(weights.map((w) => w.name)).toEqual(['iter', `keras-save-${backend}/w/rms`]);
    expect(Array.from(weights[1].tensor.dataSync())[0]).toBeCloseTo(0.025, 7);
    v.dispose();
    optimizer.dispose();
  });
});

describe('firstStepAfterQuiet', () => {
  /** One real step of `optimizer` from zero state with gradient g, after `warm` steps of zero gradient. */
  async function realStep(optimizer: tf.Optimizer, g: number, warm: number, tag: string): Promise<number> {
    const v = tf.variable(tf.scalar(0), true, tag);
    for (let i = 0; i < warm; i++) optimizer.applyGradients([{ name: v.name, tensor: tf.scalar(0) }]);
    optimizer.applyGradients([{ name: v.name, tensor: tf.scalar(g) }]);
    const moved = -v.dataSync()[0];
    v.dispose();
    optimizer.dispose();
    return moved;
  }

  it.each([1e-2, 1e-4, 1e-6])('matches each real optimizer for a gradient of %f', async (g) => {
    await chooseBackend('cpu');
    for (const name of OPTIMIZER_NAMES) {
      // Adam's bias correction fades after a few thousand steps; the others need no warm-up.
      const warm = name === 'adam' ? 8000 : 0;
      const real = await realStep(createOptimizer(name), g, warm, `quiet-${name}-${g}`);
      expect(real / firstStepAfterQuiet(name, g), `${name} at ${g}`).toBeCloseTo(1, 3);
    }
  }, 60_000);

  it('gives rare small gradients full-size steps under Keras RMSprop and Adam, and not under the others', () => {
    const small = 1e-5;
    expect(firstStepAfterQuiet('rmsprop-keras', small)).toBeGreaterThan(0.003);
    expect(firstStepAfterQuiet('adam', small)).toBeGreaterThan(0.002);
    expect(firstStepAfterQuiet('rmsprop-tfjs', small)).toBeLessThan(0.0001);
    expect(firstStepAfterQuiet('sgd', small)).toBeLessThan(0.00001);
  });
});

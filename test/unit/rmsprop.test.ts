import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chooseBackend } from '../../scripts/backend';
import { createRandom } from '../../src/lib/rng';
import { RmspropOptimizer } from '../../src/lib/rmsprop';

const SHAPES = [[37, 23], [23], [23, 10], [10]];

function seededValues(shape: number[], seed: number, scale: number): tf.Tensor {
  const random = createRandom(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: size }, () => (random() * 2 - 1) * scale), shape);
}

/** Runs `steps` updates from the same weights and gradients; returns final weights and slots. */
async function run(optimizer: tf.Optimizer, tag: string, steps: number): Promise<{ bytes: Buffer; slots: string[]; kernels: number }> {
  const variables = SHAPES.map((shape, i) => tf.variable(seededValues(shape, 10 + i, 0.5), true, `${tag}/w${i}`));
  let kernels = 0;
  try {
    for (let step = 0; step < steps; step++) {
      const grads = SHAPES.map((shape, i) => ({ name: variables[i].name, tensor: seededValues(shape, 100 * step + i, 0.01) }));
      const info = await tf.profile(() => optimizer.applyGradients(grads));
      kernels += info.kernels.length;
      tf.dispose(grads.map((g) => g.tensor));
    }
    const weights = await optimizer.getWeights();
    const slots = weights.map((w) => w.name.replace(`${tag}/`, ''));
    const bytes = Buffer.concat(variables.map((v) => Buffer.from((v.dataSync() as Float32Array).slice().buffer)));
    return { bytes, slots, kernels };
  } finally {
    tf.dispose(variables);
    optimizer.dispose();
  }
}

describe.each(['cpu', 'wasm'] as const)('RmspropOptimizer on %s', (backend) => {
  it('gives bit-identical weights and the same slots as tf.train.rmsprop, with fewer kernels', async () => {
    expect((await chooseBackend(backend)).name).toBe(backend);
    const stock = await run(tf.train.rmsprop(0.001), 'stock', 5);
    const lean = await run(new RmspropOptimizer(0.001), 'lean', 5);
    expect(lean.bytes.equals(stock.bytes)).toBe(true);
    expect(lean.slots).toEqual(stock.slots);
    expect(lean.slots).toContain('w0/rms');
    expect(lean.kernels).toBeLessThan(stock.kernels);
  });

  it('moves the weights (the comparison above is not between two no-ops)', async () => {
    await chooseBackend(backend);
    const before = seededValues(SHAPES[0], 10, 0.5).dataSync();
    const variable = tf.variable(seededValues(SHAPES[0], 10, 0.5), true, 'moved/w0');
    const optimizer = new RmspropOptimizer(0.001);
    optimizer.applyGradients([{ name: variable.name, tensor: tf.onesLike(variable) }]);
    const after = variable.dataSync();
    // First step from zero slots: lr * g / sqrt(0.1 g^2 + eps), about 0.00316 for g = 1.
    expect(after[0] - before[0]).toBeCloseTo(-0.001 / Math.sqrt(0.1), 5);
    tf.dispose(variable);
    optimizer.dispose();
  });
});

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeLayer } from '../../src/lib/compose';
import type { LayerWeights } from '../../src/lib/dense-net';
import { contributionMaps, effectiveMap } from '../../src/lib/effective-map';
import { readDenseLayers } from '../helpers/dense-layers';
import { PIXELS, SIDE } from '../../src/lib/mnist-constants';
import { DEFAULT_TRAINING } from '../../src/experiment/training';
import { createModel, denseKernels } from '../../src/lib/model';

const TOLERANCE = 1e-4;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A Dense ReLU network with a softmax output, seeded weights and seeded non-zero biases. */
function network(sizes: number[], seed: number, biasSpread = 0.1): tf.Sequential {
  const model = tf.sequential();
  for (let i = 1; i < sizes.length; i++) {
    model.add(
      tf.layers.dense({
        units: sizes[i],
        inputShape: i === 1 ? [sizes[0]] : undefined,
        activation: i === sizes.length - 1 ? 'softmax' : 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
      }),
    );
  }
  setBiases(model, seed, biasSpread);
  return model;
}

/** Replaces every bias with seeded normal values (trained biases are not zero); `mean` per layer. */
function setBiases(model: tf.LayersModel, seed: number, spread: number, mean: (layer: number) => number = () => 0): void {
  model.layers.forEach((layer, l) => {
    const [kernel, bias] = layer.getWeights();
    const fresh = tf.randomNormal(bias.shape, mean(l), spread, 'float32', seed * 31 + l);
    layer.setWeights([kernel, fresh]);
    fresh.dispose();
  });
}

/** A drawn-looking 28x28 input: a soft ring of ink in [0, 1], blank elsewhere. */
function ring(): Float32Array {
  return Float32Array.from({ length: PIXELS }, (_, p) => {
    const r = Math.hypot((p % SIDE) - 13.5, Math.floor(p / SIDE) - 13.5);
    return Math.max(0, Math.min(1, 2 - Math.abs(r - 7)));
  });
}

/** Seeded uniform values in [0, 1). */
function uniform(length: number, seed: number): Float32Array {
  return tf.tidy(() => tf.randomUniform([length], 0, 1, 'float32', seed).dataSync() as Float32Array).slice();
}

/** The model's pre-softmax scores as a tfjs function of x [1, inputs]: its own hidden layers, then the output's kernel and bias. */
function logitsOf(model: tf.LayersModel): (x: tf.Tensor2D) => tf.Tensor2D {
  const layers = model.layers;
  const [kernel, bias] = layers[layers.length - 1].getWeights();
  return (x) => {
    let h: tf.Tensor = x;
    for (const layer of layers.slice(0, -1)) h = layer.apply(h) as tf.Tensor;
    return tf.add(tf.matMul(h as tf.Tensor2D, kernel as tf.Tensor2D), bias);
  };
}

/** d logit_c / d x for every class c by tfjs's autodiff, row-major [classes, inputs]. */
function tfJacobian(model: tf.LayersModel, input: Float32Array): Float32Array {
  const f = logitsOf(model);
  const classes = model.outputs[0].shape[1] ?? 0;
  const out = new Float32Array(classes * input.length);
  tf.tidy(() => {
    const x = tf.tensor2d(input, [1, input.length]);
    for (let c = 0; c < classes; c++) {
      const g = tf.grad((v: tf.Tensor) => f(v as tf.Tensor2D).slice([0, c], [1, 1]).sum())(x);
      out.set(g.dataSync(), c * input.length);
    }
  });
  return out;
}

function tfLogits(model: tf.LayersModel, input: Float32Array): Float32Array {
  return tf.tidy(() => logitsOf(model)(tf.tensor2d(input, [1, input.length])).dataSync() as Float32Array).slice();
}

function rowSums(maps: Float32Array, classes: number): number[] {
  const width = maps.length / classes;
  return Array.from({ length: classes }, (_, c) => maps.subarray(c * width, (c + 1) * width).reduce((a, b) => a + b, 0));
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** The two checks of the map, for every class: the map sums to the logit, and J is tfjs's gradient. */
function expectExact(model: tf.LayersModel, input: Float32Array): void {
  const { jacobian, bias, logits } = effectiveMap(readDenseLayers(model), input);
  const classes = bias.length;
  const sums = rowSums(contributionMaps(input, jacobian), classes);
  const reference = tfLogits(model, input);
  for (let c = 0; c < classes; c++) {
    expect(Math.abs(sums[c] + bias[c] - reference[c]), `class ${c}: map sum + bias vs tfjs logit`).toBeLessThan(TOLERANCE);
  }
  expect(maxAbsDiff(logits, reference)).toBeLessThan(TOLERANCE);
  expect(maxAbsDiff(jacobian, tfJacobian(model, input))).toBeLessThan(TOLERANCE);
}

describe('effectiveMap on a small random network', () => {
  const model = network([12, 9, 7, 4], 5, 0.5);
  afterAll(() => model.dispose());

  it('is exact at several inputs: map sums plus b(x) give the logits, J is the gradient', () => {
    for (let seed = 1; seed <= 5; seed++) expectExact(model, uniform(12, seed));
  });

  it('depends on the input through the silent nodes', () => {
    const a = effectiveMap(readDenseLayers(model), uniform(12, 1));
    const b = effectiveMap(readDenseLayers(model), uniform(12, 2));
    expect(maxAbsDiff(a.jacobian, b.jacobian)).toBeGreaterThan(1e-3);
  });
});

describe('effectiveMap on the multi-layer network of the article', () => {
  const model = createModel('mlp', DEFAULT_TRAINING);
  setBiases(model, 7, 0.1);
  afterAll(() => model.dispose());

  it('is exact for a drawn-looking digit and for a dense input', () => {
    expectExact(model, ring());
    expectExact(model, uniform(PIXELS, 3));
  });

  it('gives the logits whose softmax the model predicts', () => {
    const input = ring();
    const { logits } = effectiveMap(readDenseLayers(model), input);
    const probs = tf.tidy(() => (model.predict(tf.tensor2d(input, [1, PIXELS])) as tf.Tensor).dataSync() as Float32Array).slice();
    const max = Math.max(...logits);
    const exp = Array.from(logits, (v) => Math.exp(v - max));
    const total = exp.reduce((a, b) => a + b, 0);
    expect(maxAbsDiff(exp.map((e) => e / total), probs)).toBeLessThan(1e-6);
  });

  it('differs from the plain composed W1·W2·W3 when nodes are silent, and equals it when none are', () => {
    const composed = () => {
      const kernels = denseKernels(model);
      const path = composeLayer(kernels, kernels.length - 1);
      const values = path.dataSync() as Float32Array;
      tf.dispose([...kernels, path]);
      return values;
    };
    const input = ring();
    const silent = tf.tidy(() => (model.layers[0].apply(tf.tensor2d(input, [1, PIXELS])) as tf.Tensor).lessEqual(0).sum().dataSync()[0]);
    expect(silent).toBeGreaterThan(0);
    expect(maxAbsDiff(effectiveMap(readDenseLayers(model), input).jacobian, composed())).toBeGreaterThan(1e-2);
    // Biases far above any weighted sum keep every node active: J is then the composed matrix.
    // Each layer's sums grow with the one before, so its biases must be far larger still.
    setBiases(model, 7, 0.01, (l) => 100 ** (l + 1));
    expect(maxAbsDiff(effectiveMap(readDenseLayers(model), input).jacobian, composed())).toBeLessThan(TOLERANCE);
    setBiases(model, 7, 0.1);
  });

  it('creates no tensors', () => {
    const before = tf.memory().numTensors;
    effectiveMap(readDenseLayers(model), ring());
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('effectiveMap on the model with no hidden layers', () => {
  const model = createModel('linear', DEFAULT_TRAINING);
  setBiases(model, 11, 0.3);
  afterAll(() => model.dispose());

  it('is Wᵀ and the bias, whatever the input', () => {
    const [layer] = readDenseLayers(model);
    const kernelT = Float32Array.from({ length: 10 * PIXELS }, (_, i) => layer.kernel[(i % PIXELS) * 10 + Math.floor(i / PIXELS)]);
    for (const input of [ring(), uniform(PIXELS, 4), new Float32Array(PIXELS)]) {
      const map = effectiveMap([layer], input);
      expect(Array.from(map.jacobian)).toEqual(Array.from(kernelT));
      expect(Array.from(map.bias)).toEqual(Array.from(layer.bias));
    }
    expectExact(model, ring());
  });
});

describe('checks', () => {
  const layer = (inputs: number, units: number): LayerWeights => ({ kernel: new Float32Array(inputs * units), bias: new Float32Array(units) });

  it('rejects layers that do not chain', () => {
    expect(() => effectiveMap([], new Float32Array(3))).toThrow(/at least one layer/);
    expect(() => effectiveMap([layer(3, 2), layer(3, 1)], new Float32Array(3))).toThrow(/layer 1 takes 3 inputs, but gets 2/);
    expect(() => effectiveMap([layer(4, 2)], new Float32Array(3))).toThrow(/layer 0 takes 4 inputs, but gets 3/);
    expect(() => effectiveMap([{ kernel: new Float32Array(5), bias: new Float32Array(2) }], new Float32Array(3))).toThrow(/does not fit/);
  });

  it('reads only Dense ReLU networks', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4], activation: 'sigmoid' }), tf.layers.dense({ units: 2 })] });
    expect(() => readDenseLayers(model)).toThrow(/relu/);
    model.dispose();
  });

  it('splits each logit into pixel shares that are zero where the input is', () => {
    const maps = contributionMaps(Float32Array.from([1, 0, 0.5]), Float32Array.from([1, 2, 3, 4, 5, 6]));
    expect(Array.from(maps)).toEqual([1, 0, 1.5, 4, 0, 3]);
    expect(() => contributionMaps(new Float32Array(3), new Float32Array(5))).toThrow(/does not fit/);
  });
});

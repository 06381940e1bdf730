import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeNet } from '../../src/lib/compose';
import type { DenseNet } from '../../src/lib/dense-net';
import { denseNetOf, disposeWeights, type WeightTensors, weightTensors } from '../../src/lib/dense-tensors';
import {
  effectiveSeedMeasures,
  meanEffectiveNodeTemplates,
  meanEffectiveTemplates,
  rowCosines,
  rowNormRatios,
} from '../../src/lib/effective-templates';
import type { DigitSet } from '../../src/lib/mnist';
import { PIXELS } from '../../src/lib/mnist-constants';
import { denseNetFromTensors } from '../helpers/dense-layers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A small random 784-h1-h2-10 network; biases near zero so that some nodes are silent. */
function randomNet(h1: number, h2: number, seed: number, biasShift = 0): DenseNet {
  const kernels: tf.Tensor2D[] = [
    tf.randomNormal([PIXELS, h1], 0, 0.1, 'float32', seed),
    tf.randomNormal([h1, h2], 0, 0.5, 'float32', seed + 1),
    tf.randomNormal([h2, 10], 0, 0.5, 'float32', seed + 2),
  ];
  const biases: tf.Tensor1D[] = [
    tf.randomNormal([h1], biasShift, 0.2, 'float32', seed + 3),
    // Layer 2 sums h1 values of about biasShift: shift it by far more than they can reach.
    tf.randomNormal([h2], 20 * biasShift, 0.2, 'float32', seed + 4),
    tf.randomNormal([10], 0, 0.2, 'float32', seed + 5),
  ];
  const net = denseNetFromTensors(kernels, biases);
  tf.dispose([...kernels, ...biases]);
  return net;
}

/** The composed output images (W1·W2·W3)ᵀ of a 784-h1-h2-10 network, [10, 784]. */
async function composedOutput(net: DenseNet): Promise<Float32Array> {
  return (await composeNet(net))[2].values;
}

/** `count` random digits with labels cycling 0, 1, 2 (so digits 3-9 have no image). */
function randomDigits(count: number, seed: number): DigitSet {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const images = Uint8Array.from({ length: count * PIXELS }, () => (next() < 0.3 ? Math.floor(next() * 256) : 0));
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 3);
  return { count, images, labels };
}

function logits(net: WeightTensors, x: tf.Tensor2D): tf.Tensor2D {
  const h1 = tf.relu(tf.add(tf.matMul(x, net.kernels[0]), net.biases[0])) as tf.Tensor2D;
  const h2 = tf.relu(tf.add(tf.matMul(h1, net.kernels[1]), net.biases[1])) as tf.Tensor2D;
  return tf.add(tf.matMul(h2, net.kernels[2]), net.biases[2]) as tf.Tensor2D;
}

/** The brute-force answer: tf.grad of one image's output, image by image, averaged. */
function bruteForceMean(set: DigitSet, images: number[], output: (x: tf.Tensor2D) => tf.Scalar): Float32Array {
  const f = (x: tf.Tensor): tf.Tensor => output(x as tf.Tensor2D);
  const mean = new Float32Array(PIXELS);
  for (const i of images) {
    const x = tf.tensor2d(Float32Array.from(set.images.subarray(i * PIXELS, (i + 1) * PIXELS), (v) => v / 255), [1, PIXELS]);
    const g = tf.grad(f)(x);
    const values = g.dataSync();
    for (let p = 0; p < PIXELS; p++) mean[p] += values[p] / images.length;
    tf.dispose([x, g]);
  }
  return mean;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, digits = 4): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThan(10 ** -digits);
}

describe('meanEffectiveTemplates', () => {
  it('equals the per-image Jacobian of each logit, averaged over the images of that digit', async () => {
    const net = randomNet(6, 5, 11);
    const w = weightTensors(net);
    // 2500 images: more than one batch of 1000, and a last batch that is not full.
    const set = randomDigits(2500, 3);
    const templates = await meanEffectiveTemplates(net, set);
    expect(templates.length).toBe(10 * PIXELS);
    for (const c of [0, 2]) {
      const images = [...Array(set.count).keys()].filter((i) => set.labels[i] === c).slice(0, 40);
      // Only the first 40 of the class go to the brute force; recompute the batched mean on them.
      const subset: DigitSet = {
        count: images.length,
        images: Uint8Array.from(images.flatMap((i) => Array.from(set.images.subarray(i * PIXELS, (i + 1) * PIXELS)))),
        labels: Uint8Array.from(images, () => c),
      };
      const batched = (await meanEffectiveTemplates(net, subset)).subarray(c * PIXELS, (c + 1) * PIXELS);
      const brute = bruteForceMean(set, images, (x) => logits(w, x).gather([c], 1).sum() as tf.Scalar);
      expectClose(batched, brute);
    }
    // Digits with no image get a zero template.
    expect(templates.subarray(5 * PIXELS, 6 * PIXELS).every((v) => v === 0)).toBe(true);
    disposeWeights(w);
  });

  it('some ReLUs are silent in the test network, so the templates differ from the composed images', async () => {
    const net = randomNet(6, 5, 11);
    const set = randomDigits(300, 3);
    const cos = rowCosines(await composedOutput(net), await meanEffectiveTemplates(net, set));
    expect(Math.min(...cos.slice(0, 3))).toBeLessThan(0.999);
  });

  it('equals the composed image when every hidden node is active on every image', async () => {
    const net = randomNet(6, 5, 21, 50); // biases around +50 and +1000: no pre-activation reaches 0
    const set = randomDigits(90, 4);
    const composed = await composedOutput(net);
    const templates = await meanEffectiveTemplates(net, set);
    expectClose(templates.subarray(0, 3 * PIXELS), composed.subarray(0, 3 * PIXELS), 5);
  });
});

describe('meanEffectiveNodeTemplates', () => {
  it('equals the per-image gradient of the layer-2 pre-activation, averaged over all images', async () => {
    const net = randomNet(6, 5, 31);
    const w = weightTensors(net);
    const set = randomDigits(30, 5);
    const nodes = [4, 1];
    const batched = await meanEffectiveNodeTemplates(net, set, nodes);
    const all = [...Array(set.count).keys()];
    for (const [row, k] of nodes.entries()) {
      const brute = bruteForceMean(set, all, (x) => {
        const h1 = tf.relu(tf.add(tf.matMul(x, w.kernels[0]), w.biases[0])) as tf.Tensor2D;
        return tf.add(tf.matMul(h1, w.kernels[1]), w.biases[1]).gather([k], 1).sum() as tf.Scalar;
      });
      expectClose(batched.subarray(row * PIXELS, (row + 1) * PIXELS), brute);
    }
    disposeWeights(w);
  });

  it('rejects a node the layer does not have', async () => {
    const net = randomNet(6, 5, 31);
    await expect(meanEffectiveNodeTemplates(net, randomDigits(3, 1), [5])).rejects.toThrow(/node 5 does not exist \(the layer has 5\)/);
  });
});

describe('rowCosines', () => {
  it('compares rows pairwise', () => {
    const a = new Float32Array(2 * PIXELS);
    const b = new Float32Array(2 * PIXELS);
    // Row 0: a = (1, 0), b = (1, 1) -> 1/sqrt(2). Row 1: a = (2, 0), b = (-3, 0) -> -1.
    a[0] = 1;
    b[0] = 1;
    b[1] = 1;
    a[PIXELS] = 2;
    b[PIXELS] = -3;
    const [first, second] = rowCosines(a, b);
    expect(first).toBeCloseTo(Math.SQRT1_2, 6);
    expect(second).toBeCloseTo(-1, 6);
  });

  it('gives 0 for an all-zero row and refuses mismatched lengths', () => {
    expect(rowCosines(new Float32Array(PIXELS), new Float32Array(PIXELS).fill(1))).toEqual([0]);
    expect(() => rowCosines(new Float32Array(PIXELS), new Float32Array(2 * PIXELS))).toThrow(/784 values with 1568/);
  });
});

describe('effectiveSeedMeasures', () => {
  it('reads a trained layers model and gives 10 cosines, 1 where no ReLU is ever silent', async () => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 4, activation: 'relu', inputShape: [PIXELS], biasInitializer: tf.initializers.constant({ value: 50 }) }));
    model.add(tf.layers.dense({ units: 3, activation: 'relu', biasInitializer: tf.initializers.constant({ value: 1000 }) }));
    model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
    const net = denseNetOf(model);
    const seed = await effectiveSeedMeasures(net, await composedOutput(net), randomDigits(30, 9));
    const cos = seed.effectiveCosine;
    expect(cos).toHaveLength(10);
    for (const c of [0, 1, 2]) expect(cos[c]).toBeCloseTo(1, 5);
    // No test image of digits 3-9: their template is zero, so no similarity.
    expect(cos.slice(3)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    for (const c of [0, 1, 2]) expect(seed.effectiveStrength[c]).toBeCloseTo(1, 5);
    expect(seed.effectiveEdgeWeights.map((e) => e.region)).toEqual(['bottom-left', 'bottom-right', 'top']);
    expect(seed.effectiveEdgeWeights.every((e) => e.zScore.length === 10)).toBe(true);
    model.dispose();
  });
});

describe('rowNormRatios', () => {
  it('gives each row of b its length over the length of the row of a', () => {
    const a = new Float32Array(2 * PIXELS);
    const b = new Float32Array(2 * PIXELS);
    // Row 0: |a| = 5 (3, 4), |b| = 1. Row 1: a is zero.
    a[0] = 3;
    a[1] = 4;
    b[2] = -1;
    b[PIXELS] = 7;
    expect(rowNormRatios(a, b)).toEqual([0.2, 0]);
    expect(() => rowNormRatios(a, b.subarray(1))).toThrow(/both must be \[rows, 784\]/);
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeLayer, composeLayers, composeToArrays } from '../../src/lib/compose';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('composeLayers', () => {
  // Three "pixels", two hidden nodes, then one output.
  const w1 = () => tf.tensor2d([[1, 2], [3, 4], [5, 6]]); // [3, 2]
  const w2 = () => tf.tensor2d([[1], [-1]]); // [2, 1]

  it('gives W1 transposed for the first layer and (W1 W2) transposed after it', async () => {
    const [a, b] = [w1(), w2()];
    const layers = await composeToArrays([a, b]);
    expect(layers.map((l) => l.nodes)).toEqual([2, 1]);
    expect(Array.from(layers[0].values)).toEqual([1, 3, 5, 2, 4, 6]);
    // W1 W2 = [1-2, 3-4, 5-6] = [-1, -1, -1]
    expect(Array.from(layers[1].values)).toEqual([-1, -1, -1]);
    tf.dispose([a, b]);
  });

  it('chains three kernels', async () => {
    const k = [w1(), tf.tensor2d([[2, 0], [0, 1]]), tf.tensor2d([[1], [1]])];
    const layers = await composeToArrays(k);
    // W1·W2 = [[2,2],[6,4],[10,6]]; ·W3 = [4, 10, 16]
    expect(Array.from(layers[1].values)).toEqual([2, 6, 10, 2, 4, 6]);
    expect(Array.from(layers[2].values)).toEqual([4, 10, 16]);
    tf.dispose(k);
  });

  it('composes one layer from the output side to the same result', () => {
    const k = [tf.randomNormal([7, 5], 0, 1, 'float32', 1), tf.randomNormal([5, 4], 0, 1, 'float32', 2), tf.randomNormal([4, 3], 0, 1, 'float32', 3)] as tf.Tensor2D[];
    const all = composeLayers(k);
    for (let i = 0; i < 3; i++) {
      const one = composeLayer(k, i);
      expect(one.shape).toEqual(all[i].shape);
      const a = Array.from(one.dataSync());
      const b = Array.from(all[i].dataSync());
      a.forEach((v, j) => expect(v).toBeCloseTo(b[j], 4));
      one.dispose();
    }
    expect(() => composeLayer(k, 3)).toThrow(/no layer 3/);
    tf.dispose([...k, ...all]);
  });

  it('rejects kernels whose shapes do not chain', () => {
    const k = [w1(), tf.zeros([3, 1]) as tf.Tensor2D];
    expect(() => composeLayers(k)).toThrow(/kernel 1 has 3 inputs, layer 0 has 2 outputs/);
    tf.dispose(k);
  });

  it('leaks no tensors', async () => {
    const k = [w1(), w2()];
    const before = tf.memory().numTensors;
    await composeToArrays(k);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(k);
  });
});

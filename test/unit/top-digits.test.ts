import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DenseNet } from '../../src/lib/dense-net';
import type { DigitSet } from '../../src/lib/mnist';
import { PIXELS } from '../../src/lib/mnist-constants';
import { NO_TILE, topDigitsOf } from '../../src/lib/top-digit-file';
import { NO_DIGIT, topActivatingDigits } from '../../src/lib/top-activations';
import { denseNetFromTensors } from '../helpers/dense-layers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * Layer 1 has 2 nodes: node 0 sums pixel 0, node 1 is minus pixel 0 (fires on nothing). Layer 2
 * has 1 node: 2 × layer-1 node 0, minus 0.5 × (255/255) so that only bright digits fire it.
 */
function handNet(): DenseNet {
  const w1 = new Float32Array(PIXELS * 2);
  w1[0] = 1; // pixel 0 -> node 0
  w1[1] = -1; // pixel 0 -> node 1
  const kernels: tf.Tensor2D[] = [tf.tensor2d(w1, [PIXELS, 2]), tf.tensor2d([[2], [0]]), tf.zeros([1, 10])];
  const biases: tf.Tensor1D[] = [tf.zeros([2]), tf.tensor1d([-1]), tf.zeros([10])];
  const net = denseNetFromTensors(kernels, biases);
  tf.dispose([...kernels, ...biases]);
  return net;
}

/** Digits whose pixel 0 is `brightness[i]`, labelled i % 10. */
function digitsWithPixel0(brightness: number[]): DigitSet {
  const images = new Uint8Array(brightness.length * PIXELS);
  brightness.forEach((b, i) => (images[i * PIXELS] = b));
  return { count: brightness.length, images, labels: Uint8Array.from(brightness, (_, i) => i % 10) };
}

describe('topActivatingDigits', () => {
  it('ranks digits by activation, strongest first, and leaves places no digit fires empty', async () => {
    const net = handNet();
    // Layer-1 node 0 = b/255; layer-2 node = max(2 b/255 - 1, 0): only b > 127.5 fires it.
    const set = digitsWithPixel0([10, 250, 0, 200, 130, 90]);
    const top = await topActivatingDigits(net, set, 3);
    expect(top.k).toBe(3);
    expect(top.layers.map((l) => [l.index, l.nodes])).toEqual([[1, 2], [2, 1]]);
    // Layer 1: node 0 -> digits 1 (250), 3 (200), 4 (130); node 1 never fires.
    expect(Array.from(top.layers[0].digits)).toEqual([1, 3, 4, NO_DIGIT, NO_DIGIT, NO_DIGIT]);
    expect(Array.from(top.layers[1].digits)).toEqual([1, 3, 4]);
    const fewer = await topActivatingDigits(net, digitsWithPixel0([10, 250, 0, 120]), 3);
    // Layer 2 fires only for 250.
    expect(Array.from(fewer.layers[1].digits)).toEqual([1, NO_DIGIT, NO_DIGIT]);
  });

  it('searches more than one batch', async () => {
    const net = handNet();
    const brightness = Array.from({ length: 2300 }, (_, i) => (i === 2200 ? 255 : i === 5 ? 254 : 100));
    const top = await topActivatingDigits(net, digitsWithPixel0(brightness), 2);
    expect(Array.from(top.layers[0].digits.subarray(0, 2))).toEqual([2200, 5]);
  });

  it('refuses a k larger than the set', async () => {
    const net = handNet();
    await expect(topActivatingDigits(net, digitsWithPixel0([1, 2]), 3)).rejects.toThrow(/top 3 of 2 digits/);
  });
});

describe('topDigitsOf', () => {
  // 2 nodes, k = 2, 3 sprite tiles labelled 7, 1, 4. Node 0: tiles 2, 0. Node 1: tile 1, empty.
  const bytes = new Uint8Array([2, 0, 0, 0, 1, 0, 0xff, 0xff, 7, 1, 4]);

  it('reads a node row and skips empty places', () => {
    expect(topDigitsOf(bytes, 2, 2, 3, 0, 'f.bin')).toEqual([
      { tile: 2, label: 4 },
      { tile: 0, label: 7 },
    ]);
    expect(topDigitsOf(bytes, 2, 2, 3, 1, 'f.bin')).toEqual([{ tile: 1, label: 1 }]);
    expect(NO_TILE).toBe(0xffff);
  });

  it('names the file when the bytes do not fit', () => {
    expect(() => topDigitsOf(bytes.subarray(1), 2, 2, 3, 0, 'f.bin')).toThrow(/f\.bin: 10 bytes, expected 11/);
    expect(() => topDigitsOf(bytes, 2, 2, 3, 2, 'f.bin')).toThrow(/f\.bin: no node row 2/);
    const bad = bytes.slice();
    bad[0] = 9;
    expect(() => topDigitsOf(bad, 2, 2, 3, 0, 'f.bin')).toThrow(/points at sprite tile 9 of 3/);
  });
});

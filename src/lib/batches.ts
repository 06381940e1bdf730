import * as tf from '@tensorflow/tfjs';
import type { DigitSet } from './mnist';
import { CLASSES, PIXELS } from './mnist-constants';

/**
 * Copies the digits at `indices[start..end)` into float inputs scaled to [0, 1] and one-hot
 * labels. Returns tensors `xs` [n, 784] and `ys` [n, 10]; the caller disposes them.
 */
export function batchTensors(
  set: DigitSet,
  indices: ArrayLike<number> | null,
  start: number,
  end: number,
): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  const n = end - start;
  const x = new Float32Array(n * PIXELS);
  const y = new Float32Array(n * CLASSES);
  for (let r = 0; r < n; r++) {
    const i = indices ? indices[start + r] : start + r;
    const src = i * PIXELS;
    const dst = r * PIXELS;
    for (let p = 0; p < PIXELS; p++) x[dst + p] = set.images[src + p] / 255;
    y[r * CLASSES + set.labels[i]] = 1;
  }
  return { xs: tf.tensor2d(x, [n, PIXELS]), ys: tf.tensor2d(y, [n, CLASSES]) };
}

import * as tf from '@tensorflow/tfjs';
import { CLASSES, PIXELS } from './mnist-constants';
import type { DigitSet } from './mnist';
import { translateInto } from './pixel-transforms';
import type { Random } from './rng';

/**
 * Training on moved digits: each time a digit is drawn for a batch it is moved by its own random
 * whole number of rows and columns, uniform in -maxShift..+maxShift, the pixels moved in set to 0.
 */

/** Draws `n` shifts from `random`: [n, 2] as (rows, columns) pairs, each in -maxShift..+maxShift. */
export function drawShifts(n: number, maxShift: number, random: Random): Int8Array {
  if (!Number.isInteger(maxShift) || maxShift < 0 || maxShift > 27) throw new RangeError(`maxShift must be a whole number from 0 to 27, not ${maxShift}`);
  const shifts = new Int8Array(n * 2);
  const span = 2 * maxShift + 1;
  for (let i = 0; i < shifts.length; i++) shifts[i] = Math.floor(random() * span) - maxShift;
  return shifts;
}

/**
 * As `batchTensors`, but each digit at `indices[start..end)` moved by a shift drawn from `random`
 * (see `drawShifts`). Returns `xs` [n, 784] in [0, 1] and one-hot `ys` [n, 10]; the caller disposes them.
 */
export function shiftedBatchTensors(
  set: DigitSet,
  indices: ArrayLike<number>,
  start: number,
  end: number,
  maxShift: number,
  random: Random,
): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  const n = end - start;
  const shifts = drawShifts(n, maxShift, random);
  const x = new Float32Array(n * PIXELS);
  const y = new Float32Array(n * CLASSES);
  for (let r = 0; r < n; r++) {
    const i = indices[start + r];
    translateInto(set.images, i * PIXELS, x, r * PIXELS, shifts[2 * r], shifts[2 * r + 1], 255);
    y[r * CLASSES + set.labels[i]] = 1;
  }
  return { xs: tf.tensor2d(x, [n, PIXELS]), ys: tf.tensor2d(y, [n, CLASSES]) };
}

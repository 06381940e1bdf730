import * as tf from '@tensorflow/tfjs';
import { batchTensors } from './batches';
import type { DigitSet } from './mnist';
import { CLASSES } from './mnist-constants';

/** Counts [true class][predicted class] of a model's top-1 guesses on `set`. */
export async function confusionMatrix(model: tf.LayersModel, set: DigitSet, chunk = 1000): Promise<number[][]> {
  const matrix = emptyConfusion();
  for (let start = 0; start < set.count; start += chunk) {
    const end = Math.min(start + chunk, set.count);
    const guessTensor = tf.tidy(() => {
      const { xs } = batchTensors(set, null, start, end);
      return (model.predict(xs) as tf.Tensor2D).argMax(1);
    });
    // Read asynchronously: the WebGPU backend cannot read synchronously in a worker.
    const guesses = await guessTensor.data();
    guessTensor.dispose();
    countGuesses(matrix, set.labels, start, guesses);
  }
  return matrix;
}

/** A [true class][predicted class] matrix of zeros. */
export function emptyConfusion(): number[][] {
  return Array.from({ length: CLASSES }, () => new Array<number>(CLASSES).fill(0));
}

/** Adds `guesses` for the digits from `start` on, whose true classes are in `labels`, to `matrix`. */
export function countGuesses(matrix: number[][], labels: Uint8Array, start: number, guesses: ArrayLike<number>): void {
  for (let i = 0; i < guesses.length; i++) matrix[labels[start + i]][guesses[i]]++;
}

/** Share of all examples that were classified correctly: the matrix's diagonal over its total. */
export function overallAccuracy(matrix: number[][]): number {
  const total = matrix.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  return matrix.reduce((sum, row, c) => sum + row[c], 0) / total;
}

/** Share of each class's examples that were classified correctly (0 for an empty class). */
export function perClassAccuracy(matrix: number[][]): number[] {
  return matrix.map((row, c) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total ? row[c] / total : 0;
  });
}

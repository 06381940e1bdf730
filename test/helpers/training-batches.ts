import type { TrainingConfig } from '../../src/experiment/training';
import type { DigitSet } from '../../src/lib/mnist';
import { createModel, disposeModel } from '../../src/lib/model';
import { createRandom } from '../../src/lib/rng';
import { train } from '../../src/lib/train';

/** `count` random digits, about 30 % of pixels inked, from `seed`. */
export function randomDigits(count: number, seed: number): DigitSet {
  const random = createRandom(seed);
  return {
    count,
    images: Uint8Array.from({ length: count * 784 }, () => (random() < 0.3 ? 1 + Math.floor(random() * 255) : 0)),
    labels: Uint8Array.from({ length: count }, () => Math.floor(random() * 10)),
  };
}

/** Every batch `train` feeds its step for `config` (a short run of the linear model), as floats. */
export async function batchesOf(config: TrainingConfig, data: DigitSet): Promise<Float32Array[]> {
  const model = createModel('linear', config);
  const seen: Float32Array[] = [];
  try {
    await train(model, data, { config }, async (xs) => {
      seen.push(xs.dataSync() as Float32Array);
      return [0, 0];
    });
  } finally {
    disposeModel(model);
  }
  return seen;
}

/** Whether two lists of batches are the same bytes (deep equality of large float arrays is slow). */
export function sameBytes(a: Float32Array[], b: Float32Array[]): boolean {
  const bytes = (x: Float32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
  return a.length === b.length && a.every((x, i) => bytes(x).equals(bytes(b[i])));
}

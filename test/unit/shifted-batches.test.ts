import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend } from '../../scripts/backend';
import { batchTensors } from '../../src/lib/batches';
import { DEFAULT_TRAINING, type TrainingConfig } from '../../src/experiment/training';
import { translate } from '../../src/lib/pixel-transforms';
import { createRandom, deriveSeed, permutation } from '../../src/lib/rng';
import { drawShifts, shiftedBatchTensors } from '../../src/lib/shifted-batches';
import { batchesOf, randomDigits, sameBytes } from '../helpers/training-batches';

const data = randomDigits(300, 5);
const base: TrainingConfig = { ...DEFAULT_TRAINING, epochs: 2, batchSize: 128 };

beforeAll(async () => {
  await chooseBackend('cpu');
});

describe('drawShifts', () => {
  it('draws the same shifts from the same seed, all within ±maxShift, every one of the 25 offsets', () => {
    const a = drawShifts(2000, 2, createRandom(9));
    expect(drawShifts(2000, 2, createRandom(9))).toEqual(a);
    expect(drawShifts(2000, 2, createRandom(10))).not.toEqual(a);
    expect(a.every((v) => v >= -2 && v <= 2)).toBe(true);
    const pairs = new Set<string>();
    for (let i = 0; i < a.length; i += 2) pairs.add(`${a[i]},${a[i + 1]}`);
    expect(pairs.size).toBe(25);
    expect(drawShifts(50, 0, createRandom(9)).every((v) => v === 0)).toBe(true);
    expect(() => drawShifts(1, 1.5, createRandom(9))).toThrow(/maxShift must be a whole number/);
  });
});

describe('shiftedBatchTensors', () => {
  it('moves each digit by its drawn shift, the inputs divided by 255 and the labels one-hot', () => {
    const order = [4, 0, 7, 2];
    const { xs, ys } = shiftedBatchTensors(data, order, 1, 4, 2, createRandom(3));
    const shifts = drawShifts(3, 2, createRandom(3));
    const x = xs.dataSync();
    const y = ys.dataSync();
    tf.dispose([xs, ys]);
    for (let r = 0; r < 3; r++) {
      const i = order[1 + r];
      const moved = translate(data.images.subarray(i * 784, (i + 1) * 784), shifts[2 * r], shifts[2 * r + 1]);
      expect(x.subarray(r * 784, (r + 1) * 784)).toEqual(Float32Array.from(moved, (v) => v / 255));
      expect(Array.from(y.subarray(r * 10, (r + 1) * 10)).indexOf(1)).toBe(data.labels[i]);
    }
  });
});

describe('train with config.maxShift', () => {
  it('without it (absent or 0), feeds byte for byte the batches of batchTensors in the seeded order', async () => {
    const absent = await batchesOf(base, data);
    const zero = await batchesOf({ ...base, maxShift: 0 }, data);
    expect(sameBytes(zero, absent)).toBe(true);
    const random = createRandom(deriveSeed(base.seed, 1000));
    const expected: Float32Array[] = [];
    for (let epoch = 0; epoch < 2; epoch++) {
      const order = permutation(data.count, random);
      for (let start = 0; start < data.count; start += 128) {
        const { xs, ys } = batchTensors(data, order, start, Math.min(start + 128, data.count));
        expected.push(xs.dataSync() as Float32Array);
        tf.dispose([xs, ys]);
      }
    }
    expect(expected.length).toBe(6);
    expect(sameBytes(absent, expected)).toBe(true);
  }, 30_000);

  it('with 2, feeds moved digits: the same batches for the same seed, others for another seed, each digit within ±2', async () => {
    const moved = await batchesOf({ ...base, maxShift: 2 }, data);
    expect(sameBytes(await batchesOf({ ...base, maxShift: 2 }, data), moved)).toBe(true);
    expect(sameBytes(await batchesOf({ ...base, maxShift: 2, seed: base.seed + 1 }, data), moved)).toBe(false);
    const plain = await batchesOf(base, data);
    expect(sameBytes(moved, plain)).toBe(false);
    // The shuffle is the same stream as without shifts: each row is its unmoved row, moved by some shift within ±2.
    const offsets = new Set<string>();
    plain.forEach((batch, b) => {
      for (let r = 0; r < batch.length / 784; r++) {
        const row = plain[b].subarray(r * 784, (r + 1) * 784);
        const got = moved[b].subarray(r * 784, (r + 1) * 784);
        const match: string[] = [];
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++) if (translate(row, dy, dx).every((v, p) => v === got[p])) match.push(`${dy},${dx}`);
        }
        expect(match.length, `batch ${b} row ${r}`).toBeGreaterThan(0);
        if (match.length === 1) offsets.add(match[0]);
      }
    });
    expect(offsets.size).toBe(25);
  }, 30_000);
});

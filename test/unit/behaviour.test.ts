import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend } from '../../scripts/backend';
import { measureBehaviour } from '../../src/lib/behaviour';
import { evaluate } from '../../src/lib/train';
import type { DigitSet } from '../../src/lib/mnist';

/**
 * Hand-made cases whose answers are known. The test set: two images of each digit c, each inked
 * at one centre pixel (14, 9 + c). The first 7 also inks the bottom-left strip (27, 2), the first 9
 * the bottom-right corner (26, 20), the first 6 the top strip (1, 10); the second 7 has a pale
 * pixel there (100, under the ink threshold), which does not count as ink.
 */
const centre = (c: number) => 14 * 28 + 9 + c;
const EDGE_PIXEL: Record<number, number> = { 7: 27 * 28 + 2, 9: 26 * 28 + 20, 6: 1 * 28 + 10 };

function handDigits(): DigitSet {
  const count = 20;
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % 10;
    labels[i] = c;
    images[i * 784 + centre(c)] = 255;
    if (i < 10 && EDGE_PIXEL[c] !== undefined) images[i * 784 + EDGE_PIXEL[c]] = 200;
  }
  images[17 * 784 + EDGE_PIXEL[7]] = 100;
  return { count, images, labels };
}

/** A 784 -> 10 softmax model with the given kernel entries [pixel, class, weight] and biases. */
function linearModel(entries: [number, number, number][], bias: number[] = new Array(10).fill(0)): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 10, activation: 'softmax', inputShape: [784] }));
  const kernel = new Float32Array(784 * 10);
  for (const [p, c, w] of entries) kernel[p * 10 + c] = w;
  const weights = [tf.tensor2d(kernel, [784, 10]), tf.tensor1d(bias)];
  model.setWeights(weights);
  tf.dispose(weights);
  return model;
}

/** Each digit read from its centre pixel only: the edges carry no weight. */
const centreReader = () => linearModel(Array.from({ length: 10 }, (_, c) => [centre(c), c, 5] as [number, number, number]));

const set = handDigits();
const models: tf.LayersModel[] = [];
const keep = <T extends tf.LayersModel>(m: T) => (models.push(m), m);

beforeAll(async () => {
  await chooseBackend('wasm', 1);
});

afterAll(() => {
  for (const m of models) m.dispose();
});

describe('measureBehaviour on hand-made models', () => {
  it('counts the owners that ink each region by the ink threshold, and an erased region that carries no weight does not matter', async () => {
    const model = keep(centreReader());
    const before = tf.memory().numTensors;
    const b = await measureBehaviour(model, set);
    expect(tf.memory().numTensors).toBe(before);
    expect(b.erase).toEqual([
      { region: 'bottom-left', digit: 7, inked: 1, accuracy: 1, erasedAccuracy: 1 },
      { region: 'bottom-right', digit: 9, inked: 1, accuracy: 1, erasedAccuracy: 1 },
      { region: 'top', digit: 6, inked: 1, accuracy: 1, erasedAccuracy: 1 },
    ]);
    expect(b.erasedAllAccuracy).toBe(1);
    // Planting ink where nothing is weighted changes no guess and no probability.
    for (const p of b.plant) {
      expect(p.flipShare, p.region).toBe(0);
      expect(Math.abs(p.meanProbabilityChange), p.region).toBeLessThan(1e-7);
    }
  });

  it('an erased region the model reads a digit from does matter', async () => {
    // 7 is read from the bottom-left strip only; the other digits from their centre pixel.
    const entries: [number, number, number][] = Array.from({ length: 10 }, (_, c) => [c === 7 ? EDGE_PIXEL[7] : centre(c), c, 5]);
    const b = await measureBehaviour(keep(linearModel(entries)), set);
    expect(b.erase[0]).toEqual({ region: 'bottom-left', digit: 7, inked: 1, accuracy: 1, erasedAccuracy: 0 });
    // The second 7 (no ink in the strip) is wrong already; erasing takes away the first.
    expect(b.erasedAllAccuracy).toBe(18 / 20);
  });

  it('a planted block the model weights must flip every other digit to the owner, by the probability a hand computation gives', async () => {
    // Class 7 weights the four pixels of row 26 of the bottom-left block; class 0 has a bias of 1.
    const block = [5, 6, 7, 8].map((x) => [26 * 28 + x, 7, 10] as [number, number, number]);
    const b = await measureBehaviour(keep(linearModel(block, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0])), set);
    const [left, right, top] = b.plant;
    expect(left.region).toBe('bottom-left');
    // Before: every image guesses 0 (p7 = 1 / (e + 9)), except that 0 is the guess already; after: p7 = e^40 / (e^40 + e + 8).
    // Not 7 before and 7 after: all 18 images of the other nine digits.
    expect(left.flipShare).toBe(1);
    const p7Before = 1 / (Math.E + 9);
    const p7After = Math.exp(40) / (Math.exp(40) + Math.E + 8);
    expect(left.meanProbabilityChange).toBeCloseTo(p7After - p7Before, 6);
    expect(right.flipShare).toBe(0);
    expect(top.flipShare).toBe(0);
    expect(Math.abs(right.meanProbabilityChange)).toBeLessThan(1e-7);
  });

  it('a shift moves the guesses as a hand computation says', async () => {
    const b = await measureBehaviour(keep(centreReader()), set);
    expect(b.shift.rows.map((r) => r.offset)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(b.shift.columns.map((r) => r.offset)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    const at = (entries: typeof b.shift.rows, offset: number) => entries.find((e) => e.offset === offset);
    expect(at(b.shift.rows, 0)?.accuracy).toBe(1);
    // Moved a row, no centre pixel lies on a weighted pixel: all logits 0, every guess is 0.
    const onlyZero = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(at(b.shift.rows, 1)).toEqual({ offset: 1, accuracy: 0.1, perClassAccuracy: onlyZero });
    expect(at(b.shift.rows, -2)).toEqual({ offset: -2, accuracy: 0.1, perClassAccuracy: onlyZero });
    // One column left: digit c lands on c-1's pixel and is read as c-1; 0 lands on nothing and is read as 0.
    expect(at(b.shift.columns, -1)).toEqual({ offset: -1, accuracy: 0.1, perClassAccuracy: onlyZero });
    // One column right: digit c is read as c+1, and 9 (on no weighted pixel) as 0: nothing is right.
    expect(at(b.shift.columns, 1)).toEqual({ offset: 1, accuracy: 0, perClassAccuracy: new Array(10).fill(0) });
  });

  it('counts the unmoved set from the answers it already has: as evaluate does, with one pass less', async () => {
    // Digit c read as (3c mod 10): right for 0 and 5 only, so the per-class accuracy is not flat.
    const model = keep(linearModel(Array.from({ length: 10 }, (_, c) => [centre(c), (3 * c) % 10, 5] as [number, number, number])));
    const expected = await evaluate(model, set);
    let passes = 0;
    const predict = model.predict.bind(model);
    model.predict = (...args: Parameters<typeof predict>) => (passes++, predict(...args));
    const b = await measureBehaviour(model, set);
    for (const entries of [b.shift.rows, b.shift.columns]) {
      expect(entries.find((e) => e.offset === 0)).toEqual({ offset: 0, accuracy: expected.accuracy, perClassAccuracy: expected.perClassAccuracy });
    }
    expect(expected.accuracy).toBe(0.2);
    // Erase: 2 passes per edge region; all erased: 1; the unmoved set: 1; plant: 1 per region; 12 moves.
    expect(passes).toBe(3 * 2 + 1 + 1 + 3 + 12);
  });
});

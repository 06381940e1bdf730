import { describe, expect, it } from 'vitest';
import { chooseBackend } from '../../scripts/backend';
import { confusionMatrix, perClassAccuracy } from '../../src/lib/confusion';
import type { DigitSet } from '../../src/lib/mnist';
import { DEFAULT_TRAINING } from '../../src/experiment/training';
import { createModel, disposeModel } from '../../src/lib/model';
import { createRandom } from '../../src/lib/rng';
import { evaluate } from '../../src/lib/train';

function randomDigits(count: number, seed: number): DigitSet {
  const random = createRandom(seed);
  return {
    count,
    images: Uint8Array.from({ length: count * 784 }, () => (random() < 0.2 ? Math.floor(random() * 256) : 0)),
    labels: Uint8Array.from({ length: count }, () => Math.floor(random() * 10)),
  };
}

describe('evaluate', () => {
  it('gives the accuracy and per-class accuracy of the confusion matrix, in chunks that do not divide the set', async () => {
    await chooseBackend('cpu');
    const set = randomDigits(257, 3);
    const model = createModel('mlp', DEFAULT_TRAINING);
    try {
      const result = await evaluate(model, set, 100);
      const matrix = await confusionMatrix(model, set);
      const diagonal = matrix.reduce((sum, row, c) => sum + row[c], 0);
      expect(result.accuracy).toBeCloseTo(diagonal / set.count, 10);
      expect(result.perClassAccuracy).toEqual(perClassAccuracy(matrix));
      // Untrained, the guesses are not all right or all wrong: the comparison above is not trivial.
      expect(result.accuracy).toBeGreaterThan(0);
      expect(result.accuracy).toBeLessThan(1);
      expect(result.loss).toBeGreaterThan(1);
    } finally {
      disposeModel(model);
    }
  });
});

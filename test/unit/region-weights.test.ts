import { describe, expect, it } from 'vitest';
import { regionZScores } from '../../src/lib/region-weights';

describe('regionZScores', () => {
  it('measures a region against the rest of its own tile', () => {
    const values = new Float32Array(2 * 784);
    // Tile 0: one bright pixel at (27, 0). Tile 1: constant.
    values[27 * 28] = 784;
    values.fill(3, 784);
    const region = { id: 'p', label: 'p', top: 27, bottom: 28, left: 0, right: 1 };
    const [bright, flat] = regionZScores(values, region);
    // mean 1, variance 784 - 1 = 783: z = (784 - 1) / sqrt(783)
    expect(bright).toBeCloseTo(783 / Math.sqrt(783), 4);
    expect(flat).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { inkStats, regionInk } from '../../src/lib/ink';
import type { DigitSet } from '../../src/lib/mnist';

/** Three images: a 7 inking pixel (27, 0), a 7 with no ink, a 1 inking pixel (27, 0) faintly. */
function set(): DigitSet {
  const images = new Uint8Array(3 * 784);
  images[27 * 28] = 200;
  images[2 * 784 + 27 * 28] = 100;
  return { count: 3, images, labels: new Uint8Array([7, 7, 1]) };
}

describe('ink statistics', () => {
  it('gives each class the share of its images inking each pixel', () => {
    const stats = inkStats(set(), 128);
    expect(stats.classCounts[7]).toBe(2);
    expect(stats.pixelShare[7 * 784 + 27 * 28]).toBe(0.5);
    expect(stats.pixelShare[1 * 784 + 27 * 28]).toBe(0); // below the threshold
    expect(inkStats(set(), 50).pixelShare[1 * 784 + 27 * 28]).toBe(1);
  });

  it('gives per-region shares by class and among the images that ink it', () => {
    const region = { id: 'bl', label: 'bottom left', top: 26, bottom: 28, left: 0, right: 4 };
    const r = regionInk(set(), region, 50);
    expect(r.classShare[7]).toBe(0.5);
    expect(r.classShare[1]).toBe(1);
    expect(r.shareOfInkers[7]).toBe(0.5);
    expect(r.shareOfInkers[1]).toBe(0.5);
    expect(r.shareOfInkers.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});

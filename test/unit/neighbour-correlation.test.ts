import { describe, expect, it } from 'vitest';
import { SIDE } from '../../src/lib/mnist-constants';
import { meanNeighbourCorrelation, neighbourCorrelation } from '../../src/lib/neighbour-correlation';

const image = (pixel: (row: number, col: number) => number) => Float32Array.from({ length: SIDE * SIDE }, (_, i) => pixel(Math.floor(i / SIDE), i % SIDE));

describe('neighbourCorrelation', () => {
  it('is −1 for a checkerboard, where every neighbour has the opposite sign', () => {
    expect(neighbourCorrelation(image((r, c) => ((r + c) % 2 ? 1 : -1)))).toBeCloseTo(-1, 10);
  });

  it('is 0 for a flat image, which has no variance', () => {
    expect(neighbourCorrelation(image(() => 3))).toBe(0);
  });

  it('is the hand-computed value for stripes across the rows', () => {
    // Alternate columns of 1 and −1: the 27·28 right-hand pairs each give −1, the 27·28 lower ones +1.
    expect(neighbourCorrelation(image((_, c) => (c % 2 ? 1 : -1)))).toBeCloseTo(0, 10);
    // Halves of 0 and 1 (mean 0.5, variance 0.25): of the 1,512 pairs, the 28 that cross the
    // boundary give −0.25 and the rest +0.25, so (1484 − 28) · 0.25 / 1512 / 0.25.
    expect(neighbourCorrelation(image((_, c) => (c < 14 ? 0 : 1)))).toBeCloseTo((1484 - 28) / 1512, 10);
  });

  it('ranks a smooth image above a noisy one', () => {
    let state = 7;
    const noise = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
    const noisy = image(() => noise());
    const smooth = image((r, c) => Math.sin(r / 5) + Math.cos(c / 6));
    expect(neighbourCorrelation(smooth)).toBeGreaterThan(0.9);
    expect(Math.abs(neighbourCorrelation(noisy))).toBeLessThan(0.1);
  });

  it('refuses an image that is not 28 × 28, and a stack that is not whole images', () => {
    expect(() => neighbourCorrelation(new Float32Array(10))).toThrow(/784 pixels, got 10/);
    expect(() => meanNeighbourCorrelation(new Float32Array(800))).toThrow(/not a stack/);
  });

  it('averages a stack image by image', () => {
    const stack = new Float32Array(2 * SIDE * SIDE);
    stack.set(image((r, c) => ((r + c) % 2 ? 1 : -1)), 0);
    stack.set(image((_, c) => (c < 14 ? 0 : 1)), SIDE * SIDE);
    expect(meanNeighbourCorrelation(stack)).toBeCloseTo((-1 + (1484 - 28) / 1512) / 2, 10);
  });
});

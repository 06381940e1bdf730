import { describe, expect, it } from 'vitest';
import { DIVERGING_STOPS, diverging } from '../../src/lib/colormap';
import { FLAT_TILE_GRAY, maxAbs, minmaxGray, quantileAbs, signedUnit, tileColors } from '../../src/lib/normalise';

describe('minmaxGray', () => {
  it('maps each tile on its own from min to 0 and max to 255', () => {
    const gray = minmaxGray(new Float32Array([-5, 0, 5, 10, 20, 30]), 3);
    expect(Array.from(gray)).toEqual([0, 128, 255, 0, 128, 255]);
  });

  it('gives a constant tile a flat gray, not NaN', () => {
    const gray = minmaxGray(new Float32Array([2, 2, 2, 0, 0, 0]), 3);
    expect(Array.from(gray)).toEqual([FLAT_TILE_GRAY, FLAT_TILE_GRAY, FLAT_TILE_GRAY, FLAT_TILE_GRAY, FLAT_TILE_GRAY, FLAT_TILE_GRAY]);
  });

  it('hides sign: an all-negative tile still spans black to white', () => {
    expect(Array.from(minmaxGray(new Float32Array([-3, -2, -1]), 3))).toEqual([0, 128, 255]);
  });
});

describe('signed display', () => {
  it('divides by one shared scale so zero stays zero', () => {
    expect(maxAbs(new Float32Array([1, -4, 2]))).toBe(4);
    expect(Array.from(signedUnit(new Float32Array([1, -4, 2, 0])))).toEqual([0.25, -1, 0.5, 0]);
  });

  it('maps an all-zero input to zeros, not NaN', () => {
    expect(Array.from(signedUnit(new Float32Array([0, 0])))).toEqual([0, 0]);
  });

  it('maps zero to the centre colour and the extremes to the end stops', () => {
    expect(diverging(0)).toEqual(DIVERGING_STOPS[3]);
    expect(diverging(-1)).toEqual(DIVERGING_STOPS[0]);
    expect(diverging(1)).toEqual(DIVERGING_STOPS[6]);
    expect(diverging(5)).toEqual(DIVERGING_STOPS[6]);
    expect(diverging(Number.NaN)).toEqual(DIVERGING_STOPS[3]);
  });

  it('colours a sheet with a shared scale', () => {
    const rgb = tileColors(new Float32Array([0, 2, -2, 1]), 2, 'signed');
    expect(Array.from(rgb.subarray(0, 3))).toEqual([...DIVERGING_STOPS[3]]);
    expect(Array.from(rgb.subarray(3, 6))).toEqual([...DIVERGING_STOPS[6]]);
    expect(Array.from(rgb.subarray(6, 9))).toEqual([...DIVERGING_STOPS[0]]);
  });

  it('colours minmax tiles as gray', () => {
    const rgb = tileColors(new Float32Array([1, 3]), 2, 'minmax');
    expect(Array.from(rgb)).toEqual([0, 0, 0, 255, 255, 255]);
  });
});

describe('quantileAbs', () => {
  it('ignores a few extreme values', () => {
    const values = new Float32Array(1000).map((_, i) => (i % 2 ? 1 : -1));
    values[3] = -500;
    expect(quantileAbs(values, 0.99)).toBe(1);
    expect(quantileAbs(values, 1)).toBe(500);
    expect(quantileAbs(new Float32Array(0), 0.5)).toBe(0);
  });
});

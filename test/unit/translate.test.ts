import { describe, expect, it } from 'vitest';
import { translateImage } from '../../src/lib/pixel-transforms';

/** A 28x28 image with the given (row, column) pixels set to the given values. */
function image(pixels: [number, number, number][]): Float32Array {
  const out = new Float32Array(784);
  for (const [row, col, v] of pixels) out[row * 28 + col] = v;
  return out;
}

/** The (row, column, value) of every non-zero pixel, in reading order. */
function inked(img: Float32Array): [number, number, number][] {
  const out: [number, number, number][] = [];
  img.forEach((v, i) => v !== 0 && out.push([Math.floor(i / 28), i % 28, v]));
  return out;
}

describe('translateImage', () => {
  const digit = image([
    [10, 12, 0.5],
    [11, 13, 1],
    [12, 14, 0.25],
  ]);

  it('moves down for a positive row offset and right for a positive column offset', () => {
    expect(inked(translateImage(digit, 2, 0))).toEqual([
      [12, 12, 0.5],
      [13, 13, 1],
      [14, 14, 0.25],
    ]);
    expect(inked(translateImage(digit, 0, 3))).toEqual([
      [10, 15, 0.5],
      [11, 16, 1],
      [12, 17, 0.25],
    ]);
    expect(inked(translateImage(digit, -1, -4))).toEqual([
      [9, 8, 0.5],
      [10, 9, 1],
      [11, 10, 0.25],
    ]);
  });

  it('is the identity at (0, 0) and returns a new array', () => {
    const out = translateImage(digit, 0, 0);
    expect(out).toEqual(digit);
    expect(out).not.toBe(digit);
  });

  it('drops pixels moved past the border and fills with 0', () => {
    const corners = image([
      [0, 0, 1],
      [0, 27, 0.5],
      [27, 0, 0.75],
      [27, 27, 0.125],
    ]);
    expect(inked(translateImage(corners, 1, 1))).toEqual([[1, 1, 1]]);
    expect(inked(translateImage(corners, -1, -1))).toEqual([[26, 26, 0.125]]);
    expect(inked(translateImage(corners, 0, -27))).toEqual([
      [0, 0, 0.5],
      [27, 0, 0.125],
    ]);
    expect(inked(translateImage(corners, 28, 0))).toEqual([]);
    expect(inked(translateImage(corners, 0, -30))).toEqual([]);
  });

  it('undoes itself where nothing fell off', () => {
    const back = translateImage(translateImage(digit, 3, -2), -3, 2);
    expect(back).toEqual(digit);
  });

  it('leaves its input unchanged', () => {
    const copy = digit.slice();
    translateImage(digit, 4, 4);
    expect(digit).toEqual(copy);
  });

  it('rejects an image of the wrong size and fractional offsets', () => {
    expect(() => translateImage(new Float32Array(783), 0, 0)).toThrow(/784 pixels, got 783/);
    expect(() => translateImage(digit, 0.5, 0)).toThrow(/whole pixels/);
    expect(() => translateImage(digit, 0, Number.NaN)).toThrow(/whole pixels/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  centreInCanvas,
  centreOfMass,
  cropAndFit,
  type GrayImage,
  inkBox,
  toMnistInput,
} from '../../src/lib/preprocess';

function image(width: number, height: number, values: number[]): GrayImage {
  return { width, height, data: Float32Array.from(values) };
}

/** A blank `width` x `height` image with the rectangle [left, right) x [top, bottom) at `value`. */
function rect(width: number, height: number, left: number, top: number, right: number, bottom: number, value = 1): GrayImage {
  const data = new Float32Array(width * height);
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) data[y * width + x] = value;
  return { width, height, data };
}

describe('inkBox', () => {
  it('finds the smallest box around the ink, right and bottom exclusive', () => {
    // prettier-ignore
    const img = image(5, 4, [
      0, 0, 0, 0, 0,
      0, 1, 0, 0, 0,
      0, 0, 0, 0.5, 0,
      0, 0, 0, 0, 0,
    ]);
    expect(inkBox(img)).toEqual({ left: 1, top: 1, right: 4, bottom: 3 });
  });

  it('ignores faint fringes and returns null for a blank image', () => {
    expect(inkBox(image(2, 2, [0, 0.01, 0, 0]))).toBeNull();
    expect(inkBox(image(3, 3, new Array(9).fill(0)))).toBeNull();
  });
});

describe('cropAndFit', () => {
  it('averages whole source pixels when shrinking by 2', () => {
    // Box 4 wide, 2 high -> 2 by 1.
    const out = cropAndFit(image(4, 2, [1, 0, 1, 1, 0, 0, 1, 1]), { left: 0, top: 0, right: 4, bottom: 2 }, 2);
    expect([out.width, out.height]).toEqual([2, 1]);
    expect(Array.from(out.data)).toEqual([0.25, 1]);
  });

  it('weights partly covered pixels by their overlap', () => {
    // 3 pixels to 2: each output covers 1.5 source pixels.
    const out = cropAndFit(image(3, 1, [1, 1, 0]), { left: 0, top: 0, right: 3, bottom: 1 }, 2);
    expect([out.width, out.height]).toEqual([2, 1]);
    expect(out.data[0]).toBeCloseTo(1, 6);
    expect(out.data[1]).toBeCloseTo(1 / 3, 6);
  });

  it('keeps the aspect ratio: a 10 x 40 box becomes 5 x 20', () => {
    const out = cropAndFit(rect(50, 50, 5, 5, 15, 45), { left: 5, top: 5, right: 15, bottom: 45 });
    expect([out.width, out.height]).toEqual([5, 20]);
    expect(Array.from(out.data).every((v) => Math.abs(v - 1) < 1e-6)).toBe(true);
  });

  it('enlarges a single pixel to the whole box', () => {
    const out = cropAndFit(image(1, 1, [0.5]), { left: 0, top: 0, right: 1, bottom: 1 });
    expect([out.width, out.height]).toEqual([20, 20]);
    expect(Array.from(out.data).every((v) => Math.abs(v - 0.5) < 1e-6)).toBe(true);
  });

  it('keeps the total ink in proportion to the area', () => {
    // A 40 x 40 box with one 20 x 20 quarter inked: a quarter of the 20 x 20 output's mass.
    const out = cropAndFit(rect(40, 40, 0, 0, 20, 20), { left: 0, top: 0, right: 40, bottom: 40 });
    expect(out.data.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 4);
  });
});

describe('centre of mass', () => {
  it('is measured at pixel centres', () => {
    expect(centreOfMass(rect(4, 5, 2, 3, 3, 4))).toEqual({ x: 2.5, y: 3.5 });
    expect(centreOfMass(image(2, 1, [1, 3]))).toEqual({ x: 1.25, y: 0.5 });
    expect(centreOfMass(image(2, 1, [0, 0]))).toBeNull();
  });

  it('lands a 2 x 2 block exactly on the centre (14, 14)', () => {
    const out = centreInCanvas(image(2, 2, [1, 1, 1, 1]));
    const inked = [...out.keys()].filter((i) => out[i] > 0);
    expect(inked).toEqual([13 * 28 + 13, 13 * 28 + 14, 14 * 28 + 13, 14 * 28 + 14]);
    expect(centreOfMass({ width: 28, height: 28, data: out })).toEqual({ x: 14, y: 14 });
  });

  it('lands an odd shape within half a pixel and clamps values', () => {
    const out = centreInCanvas(image(1, 1, [3]));
    const com = centreOfMass({ width: 28, height: 28, data: out });
    expect(Math.abs((com?.x ?? 0) - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...out)).toBe(1);
  });
});

describe('toMnistInput', () => {
  it('returns null for an empty drawing', () => {
    expect(toMnistInput({ width: 100, height: 100, data: new Float32Array(10_000) })).toBeNull();
  });

  it('crops, fits to 20 pixels high and centres a tall bar', () => {
    // A 20 x 40 bar, off centre on a 100 x 100 pad -> 10 x 20, centre of mass (5, 10) -> shift (9, 4).
    const out = toMnistInput(rect(100, 100, 10, 20, 30, 60));
    expect(out).not.toBeNull();
    const expected = rect(28, 28, 9, 4, 19, 24).data;
    expect(Array.from(out ?? [])).toEqual(Array.from(expected));
  });
});

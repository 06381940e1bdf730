import { describe, expect, it } from 'vitest';
import { EDGE_PROBES, EDGE_REGIONS } from '../../src/experiment/regions';
import { eraseRect, plantRect, translate, translateImage, translateInto } from '../../src/lib/pixel-transforms';
import { createRandom } from '../../src/lib/rng';

/** Two random 28x28 uint8 images, no pixel 0, so that every pixel a transform sets is visible. */
function twoImages(): Uint8Array {
  const random = createRandom(11);
  return Uint8Array.from({ length: 2 * 784 }, () => 1 + Math.floor(random() * 255));
}

const at = (images: ArrayLike<number>, k: number, y: number, x: number) => images[k * 784 + y * 28 + x];

/** Every pixel (image, row, column) of two images. */
function* pixels(): Generator<[number, number, number]> {
  for (let k = 0; k < 2; k++) for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) yield [k, y, x];
}

describe('eraseRect and plantRect', () => {
  it('set exactly the rectangle of every image, and leave the input as it was', () => {
    const images = twoImages();
    const copy = images.slice();
    const region = EDGE_REGIONS[0]; // bottom-left: rows 26-27, columns 0-13
    const erased = eraseRect(images, region);
    const planted = plantRect(Float32Array.from(images, (v) => v / 255), region, 1);
    expect(images).toEqual(copy);
    expect(planted).toBeInstanceOf(Float32Array);
    let inside = 0;
    for (const [k, y, x] of pixels()) {
      const inRect = y >= 26 && x < 14;
      if (inRect) inside++;
      expect(at(erased, k, y, x)).toBe(inRect ? 0 : at(images, k, y, x));
      expect(at(planted, k, y, x)).toBe(inRect ? 1 : Math.fround(at(images, k, y, x) / 255));
    }
    expect(inside).toBe(2 * 2 * 14);
  });

  it('plant the blocks of the experiment: bottom-left rows 26-27 cols 5-8, bottom-right rows 25-26 cols 21-24, top rows 0-1 cols 13-16', () => {
    const expected: Record<string, [number, number, number, number]> = {
      'bottom-left': [26, 27, 5, 8],
      'bottom-right': [25, 26, 21, 24],
      top: [0, 1, 13, 16],
    };
    expect(EDGE_PROBES.map((p) => [p.region.id, p.digit])).toEqual([['bottom-left', 7], ['bottom-right', 9], ['top', 6]]);
    for (const probe of EDGE_PROBES) {
      const planted = plantRect(new Uint8Array(784), probe.block, 255);
      const inked: string[] = [];
      for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) if (planted[y * 28 + x] === 255) inked.push(`${y},${x}`);
      const [top, bottom, left, right] = expected[probe.region.id];
      const want: string[] = [];
      for (let y = top; y <= bottom; y++) for (let x = left; x <= right; x++) want.push(`${y},${x}`);
      expect(inked, probe.region.id).toEqual(want);
      // Each block lies inside its region, so erasing the region removes it.
      expect(eraseRect(planted, probe.region).every((v) => v === 0), probe.region.id).toBe(true);
    }
  });

  it('refuse a rectangle that does not fit the canvas', () => {
    expect(() => eraseRect(new Uint8Array(784), { top: 20, bottom: 29, left: 0, right: 4 })).toThrow(/rows 20-29, columns 0-4 does not fit/);
  });
});

describe('translate', () => {
  it('moves every pixel by dy rows (positive: down) and dx columns (positive: right), filling with 0', () => {
    const images = twoImages();
    for (let dy = -3; dy <= 3; dy++) {
      for (let dx = -3; dx <= 3; dx++) {
        const moved = translate(images, dy, dx);
        for (const [k, y, x] of pixels()) {
          const [sy, sx] = [y - dy, x - dx];
          const want = sy >= 0 && sy < 28 && sx >= 0 && sx < 28 ? at(images, k, sy, sx) : 0;
          if (at(moved, k, y, x) !== want) throw new Error(`dy ${dy} dx ${dx}: image ${k} pixel ${y},${x} is ${at(moved, k, y, x)}, not ${want}`);
        }
      }
    }
  });

  it('moves a single pixel where a hand computation says, and loses a pixel moved off the canvas', () => {
    const one = new Uint8Array(784);
    one[10 * 28 + 12] = 200;
    one[27 * 28 + 0] = 90;
    const moved = translate(one, 2, -3);
    expect(moved[12 * 28 + 9]).toBe(200);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(200);
    expect(translate(one, 0, 0)).toEqual(one);
  });

  it("moves one float image (the draw widget's input) into a new array, leaving its input as it was", () => {
    const digit = new Float32Array(784);
    digit[10 * 28 + 12] = 0.5;
    digit[12 * 28 + 14] = 0.25;
    const copy = digit.slice();
    const moved = translateImage(digit, -1, 4);
    expect([moved[9 * 28 + 16], moved[11 * 28 + 18]]).toEqual([0.5, 0.25]);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(0.75);
    expect(digit).toEqual(copy);
    const same = translateImage(digit, 0, 0);
    expect(same).toEqual(digit);
    expect(same).not.toBe(digit);
    expect(translateImage(translateImage(digit, 3, -2), -3, 2)).toEqual(digit);
  });

  it('rejects one image of the wrong size, and fractional offsets', () => {
    expect(() => translateImage(new Float32Array(783), 0, 0)).toThrow(/784 pixels, got 783/);
    expect(() => translateImage(new Float32Array(784), 0.5, 0)).toThrow(/whole pixels/);
    expect(() => translateImage(new Float32Array(784), 0, Number.NaN)).toThrow(/whole pixels/);
  });

  it('writes float inputs divided exactly as batchTensors divides (x / 255)', () => {
    const images = twoImages();
    const out = new Float32Array(784);
    translateInto(images, 784, out, 0, 0, 0, 255);
    expect(out).toEqual(Float32Array.from(images.subarray(784), (v) => v / 255));
  });
});

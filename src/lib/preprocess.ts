import type { PixelRect } from '../geometry/rect';
import { PIXELS, SIDE } from './mnist-constants';

/**
 * MNIST-style preprocessing of a drawn digit, as the data set's authors describe it: the ink's
 * bounding box is scaled to fit a 20x20 box (aspect ratio kept, anti-aliased), then placed in a
 * 28x28 image so that its centre of mass sits at the centre.
 *
 * Images here are row-major grayscale arrays of ink intensity in [0, 1] (0 = no ink).
 * Coordinates are continuous: pixel (x, y) covers [x, x+1) x [y, y+1), so the centre of a 28x28
 * image is the point (14, 14).
 */

/** Side of the box the digit's longer side is scaled to. */
export const FIT_BOX = 20;

/** A drawing's ink (floats in [0, 1]) below this counts as blank when finding the bounding box (anti-aliasing fringes). */
export const DRAWING_INK_THRESHOLD = 0.05;

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major, `width * height` values in [0, 1]. */
  data: Float32Array;
}

/** The smallest box holding every pixel with ink above `threshold`, or null for a blank image. */
export function inkBox(image: GrayImage, threshold = DRAWING_INK_THRESHOLD): PixelRect | null {
  const { width, height, data } = image;
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] > threshold) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  return right < 0 ? null : { left, top, right: right + 1, bottom: bottom + 1 };
}

/**
 * Resamples `length` source values (read through `get`) to `size` values by area averaging:
 * each output value is the mean of the source interval it covers, partial pixels weighted by
 * their overlap. Works for shrinking and enlarging.
 */
function resampleLine(get: (i: number) => number, length: number, size: number): Float32Array {
  const out = new Float32Array(size);
  const step = length / size;
  for (let o = 0; o < size; o++) {
    const start = o * step;
    const end = start + step;
    let sum = 0;
    for (let i = Math.floor(start); i < Math.min(length, Math.ceil(end)); i++) {
      sum += get(i) * (Math.min(end, i + 1) - Math.max(start, i));
    }
    out[o] = sum / step;
  }
  return out;
}

/**
 * Crops `box` out of `image` and scales it so its longer side is `fit` pixels, keeping the aspect
 * ratio (the shorter side rounds to whole pixels, at least 1), by area averaging.
 */
export function cropAndFit(image: GrayImage, box: PixelRect, fit = FIT_BOX): GrayImage {
  const bw = box.right - box.left;
  const bh = box.bottom - box.top;
  const scale = fit / Math.max(bw, bh);
  const width = Math.max(1, Math.round(bw * scale));
  const height = Math.max(1, Math.round(bh * scale));
  // Separable box filter: rows first, then columns.
  const rows = new Float32Array(bh * width);
  for (let y = 0; y < bh; y++) {
    const offset = (box.top + y) * image.width + box.left;
    rows.set(resampleLine((i) => image.data[offset + i], bw, width), y * width);
  }
  const data = new Float32Array(width * height);
  for (let x = 0; x < width; x++) {
    const column = resampleLine((i) => rows[i * width + x], bh, height);
    for (let y = 0; y < height; y++) data[y * width + x] = column[y];
  }
  return { width, height, data };
}

/** Centre of mass of the ink in continuous coordinates, or null when there is no ink. */
export function centreOfMass(image: GrayImage): { x: number; y: number } | null {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const v = image.data[y * image.width + x];
      mass += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass } : null;
}

/**
 * Places `digit` in a 28x28 image, shifted by whole pixels so its centre of mass lands as close
 * to (14, 14) as whole pixels allow (within half a pixel), values clamped to [0, 1]. Whole-pixel
 * shifts keep the strokes sharp; ink shifted past the border is dropped.
 */
export function centreInCanvas(digit: GrayImage): Float32Array {
  const out = new Float32Array(PIXELS);
  const com = centreOfMass(digit);
  if (!com) return out;
  const dx = Math.round(SIDE / 2 - com.x);
  const dy = Math.round(SIDE / 2 - com.y);
  for (let y = 0; y < digit.height; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= SIDE) continue;
    for (let x = 0; x < digit.width; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= SIDE) continue;
      out[ty * SIDE + tx] = Math.min(1, Math.max(0, digit.data[y * digit.width + x]));
    }
  }
  return out;
}

/**
 * The whole preprocessing: a drawing of any size to the 784 inputs of the models, in [0, 1].
 * Returns null for a blank drawing.
 */
export function toMnistInput(drawing: GrayImage): Float32Array | null {
  const box = inkBox(drawing);
  if (!box) return null;
  return centreInCanvas(cropAndFit(drawing, box));
}

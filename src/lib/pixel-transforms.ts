import type { PixelRect } from '../geometry/rect';
import { PIXELS, SIDE } from './mnist-constants';

/**
 * Controlled changes of the input, for testing what a network acts on. Each works on a stack of
 * 28x28 images, row-major [n, 784], either uint8 digits (0-255) or float inputs (0-1), and returns
 * a changed copy of the same type; the input is left as it was. Rows and columns are 0-based.
 */

/** Images as the pipeline keeps them (uint8) or feeds them to a model (float32). */
export type ImageStack = Uint8Array | Float32Array;

/** Every image with the pixels of `rect` set to 0 (the region erased). */
export function eraseRect<T extends ImageStack>(images: T, rect: PixelRect): T {
  return fillRect(images, rect, 0);
}

/** Every image with the pixels of `rect` set to `ink` (255 for uint8 digits, 1 for float inputs). */
export function plantRect<T extends ImageStack>(images: T, rect: PixelRect, ink: number): T {
  return fillRect(images, rect, ink);
}

function fillRect<T extends ImageStack>(images: T, rect: PixelRect, value: number): T {
  checkRect(rect);
  const out = images.slice() as T;
  for (let base = 0; base < out.length; base += PIXELS) {
    for (let y = rect.top; y < rect.bottom; y++) out.fill(value, base + y * SIDE + rect.left, base + y * SIDE + rect.right);
  }
  return out;
}

function checkRect(r: PixelRect): void {
  const fits = (a: number, b: number, size: number) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b <= size;
  if (!fits(r.top, r.bottom, SIDE) || !fits(r.left, r.right, SIDE)) {
    throw new RangeError(`rectangle rows ${r.top}-${r.bottom}, columns ${r.left}-${r.right} does not fit a 28x28 image`);
  }
}

/**
 * Every image moved by `dy` rows and `dx` columns (positive: down and right); pixels moved in
 * from outside the canvas are 0, pixels moved off it are lost.
 */
export function translate<T extends ImageStack>(images: T, dy: number, dx: number): T {
  const out = new (images.constructor as new (n: number) => T)(images.length);
  for (let base = 0; base < images.length; base += PIXELS) translateInto(images, base, out, base, dy, dx);
  return out;
}

/**
 * One image [784] moved by `dy` rows and `dx` columns, as `translate` moves a stack; checks that
 * it is one whole image (the draw widget's input).
 */
export function translateImage(pixels: Float32Array, dy: number, dx: number): Float32Array {
  if (pixels.length !== PIXELS) throw new Error(`translateImage: expected ${PIXELS} pixels, got ${pixels.length}`);
  return translate(pixels, dy, dx);
}

/**
 * Writes one image of `src` (starting at `srcBase`) moved by `dy` rows and `dx` columns into `dst`
 * at `dstBase`, divided by `divisor` (255 turns uint8 digits into float inputs, as `batchTensors` does). Pixels of `dst` that
 * nothing moves into are set to 0.
 */
export function translateInto(
  src: ArrayLike<number>,
  srcBase: number,
  dst: ImageStack,
  dstBase: number,
  dy: number,
  dx: number,
  divisor = 1,
): void {
  if (!Number.isInteger(dy) || !Number.isInteger(dx)) throw new RangeError(`shifts must be whole pixels, not ${dy}, ${dx}`);
  dst.fill(0, dstBase, dstBase + PIXELS);
  const left = Math.max(0, dx);
  const right = Math.min(SIDE, SIDE + dx);
  for (let y = Math.max(0, dy); y < Math.min(SIDE, SIDE + dy); y++) {
    const from = srcBase + (y - dy) * SIDE - dx;
    const to = dstBase + y * SIDE;
    for (let x = left; x < right; x++) dst[to + x] = src[from + x] / divisor;
  }
}

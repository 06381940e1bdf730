import { MNIST_COLS, MNIST_ROWS, PIXELS } from './idx';

/**
 * Moves one 28x28 image [784] (row-major) by whole pixels: `dy` rows down (negative: up) and
 * `dx` columns right (negative: left). Pixels moved in from outside are 0; pixels moved past the
 * border are dropped. Returns a new array; `pixels` is left as it is.
 */
export function translateImage(pixels: Float32Array, dy: number, dx: number): Float32Array {
  if (pixels.length !== PIXELS) throw new Error(`translateImage: expected ${PIXELS} pixels, got ${pixels.length}`);
  if (!Number.isInteger(dy) || !Number.isInteger(dx)) throw new Error(`translateImage: offsets must be whole pixels, got dy=${dy}, dx=${dx}`);
  const out = new Float32Array(PIXELS);
  // Destination columns that have a source column, as a half-open range.
  const fromCol = Math.max(0, dx);
  const toCol = Math.min(MNIST_COLS, MNIST_COLS + dx);
  if (fromCol >= toCol) return out;
  for (let row = Math.max(0, dy); row < Math.min(MNIST_ROWS, MNIST_ROWS + dy); row++) {
    const source = (row - dy) * MNIST_COLS;
    out.set(pixels.subarray(source + fromCol - dx, source + toCol - dx), row * MNIST_COLS + fromCol);
  }
  return out;
}

import { MNIST_COLS, MNIST_ROWS, PIXELS } from '../lib/idx';
import { quantileAbs, tileColors } from '../lib/normalise';

/** Share of the non-zero contributions under the maps' colour scale; the few beyond saturate. */
const MAP_SCALE_QUANTILE = 0.98;

function put(canvas: HTMLCanvasElement, rgb: Uint8ClampedArray, offset: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(MNIST_COLS, MNIST_ROWS);
  for (let p = 0; p < PIXELS; p++) {
    img.data[4 * p] = rgb[3 * (offset + p)];
    img.data[4 * p + 1] = rgb[3 * (offset + p) + 1];
    img.data[4 * p + 2] = rgb[3 * (offset + p) + 2];
    img.data[4 * p + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

/** Paints a 28x28 input [784] in [0, 1] the way MNIST stores it: white ink on black. */
export function paintInput(canvas: HTMLCanvasElement, input: Float32Array | null): void {
  const rgb = new Uint8ClampedArray(PIXELS * 3);
  if (input) for (let i = 0; i < rgb.length; i++) rgb[i] = Math.round(input[Math.floor(i / 3)] * 255);
  put(canvas, rgb, 0);
}

/**
 * Paints one contribution map [10, 784] per canvas on one shared signed scale (zero is the
 * neutral colour), so maps can be compared. The scale is a high quantile of the inked pixels'
 * contributions: the blank pixels (all zero) would otherwise decide it. Returns the scale.
 */
export function paintContributions(canvases: readonly HTMLCanvasElement[], maps: Float32Array): number {
  const scale = quantileAbs(maps.filter((v) => v !== 0), MAP_SCALE_QUANTILE);
  const rgb = tileColors(maps, PIXELS, 'signed', scale);
  canvases.forEach((canvas, c) => put(canvas, rgb, c * PIXELS));
  return scale;
}

/** Per-class sums of a contribution map [classes, 784]: each class's score from the pixels. */
export function mapSums(maps: Float32Array, classes = 10): number[] {
  const sums = new Array<number>(classes).fill(0);
  for (let i = 0; i < maps.length; i++) sums[Math.floor(i / PIXELS)] += maps[i];
  return sums;
}

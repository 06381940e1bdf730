import { PIXELS } from '../lib/idx';
import { quantileAbs, tileColors } from '../lib/normalise';
import { paintGray, paintTile } from '../paint/canvas';

/** Share of the non-zero contributions under the maps' colour scale; the few beyond saturate. */
const MAP_SCALE_QUANTILE = 0.98;

/** Paints a 28x28 input [784] in [0, 1] the way MNIST stores it: white ink on black. */
export function paintInput(canvas: HTMLCanvasElement, input: Float32Array | null): void {
  paintGray(canvas, input ?? new Float32Array(PIXELS), 1);
}

/**
 * Paints one contribution map [10, 784] per canvas on one shared signed scale (zero is the
 * neutral colour), so maps can be compared. The scale is a high quantile of the inked pixels'
 * contributions: the blank pixels (all zero) would otherwise decide it. Returns the scale.
 */
export function paintContributions(canvases: readonly HTMLCanvasElement[], maps: Float32Array): number {
  const scale = quantileAbs(maps.filter((v) => v !== 0), MAP_SCALE_QUANTILE);
  const rgb = tileColors(maps, PIXELS, 'signed', scale);
  canvases.forEach((canvas, c) => paintTile(canvas, rgb.subarray(3 * c * PIXELS, 3 * (c + 1) * PIXELS)));
  return scale;
}

/** Per-class sums of a contribution map [classes, 784]: each class's score from the pixels. */
export function mapSums(maps: Float32Array, classes = 10): number[] {
  const sums = new Array<number>(classes).fill(0);
  for (let i = 0; i < maps.length; i++) sums[Math.floor(i / PIXELS)] += maps[i];
  return sums;
}

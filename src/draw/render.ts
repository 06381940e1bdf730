import { PIXELS } from '../lib/mnist-constants';
import { quantileAbs, SIGNED_SCALE_QUANTILE, tileColors } from '../lib/normalise';
import { paintGray, paintTile } from '../paint/canvas';

/** Share of the non-zero contributions under the maps' colour scale; the few beyond saturate. */
const MAP_SCALE_QUANTILE = 0.98;

/** Paints a 28x28 input [784] in [0, 1] the way MNIST stores it: white ink on black. */
export function paintInput(canvas: HTMLCanvasElement, input: Float32Array | null): void {
  paintGray(canvas, input ?? new Float32Array(PIXELS), 1);
}

/**
 * One colour scale shared by all ten contribution maps [10, 784], so they can be compared: a high
 * quantile of the inked pixels' contributions, since the blank pixels (all zero) would otherwise
 * decide it.
 */
export function contributionScale(maps: Float32Array): number {
  return quantileAbs(maps.filter((v) => v !== 0), MAP_SCALE_QUANTILE);
}

/** One colour scale for the ten pictures J [10, 784], as the article's signed sheets choose it. */
export function pictureScale(jacobian: Float32Array): number {
  return quantileAbs(jacobian, SIGNED_SCALE_QUANTILE);
}

/** Paints maps [10, 784], one per canvas, in the diverging colours (zero is the neutral colour). */
export function paintSigned(canvases: readonly HTMLCanvasElement[], maps: Float32Array, scale: number): void {
  const rgb = tileColors(maps, PIXELS, 'signed', scale);
  canvases.forEach((canvas, c) => paintTile(canvas, rgb.subarray(3 * c * PIXELS, 3 * (c + 1) * PIXELS)));
}

/** Per-class sums of a contribution map [classes, 784]: each class's score from the pixels. */
export function mapSums(maps: Float32Array, classes = 10): number[] {
  const sums = new Array<number>(classes).fill(0);
  for (let i = 0; i < maps.length; i++) sums[Math.floor(i / PIXELS)] += maps[i];
  return sums;
}

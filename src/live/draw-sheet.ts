import { type Display, quantileAbs, SIGNED_SCALE_QUANTILE, tileColors } from '../lib/normalise';
import { paintSheet, sheetGeometry, TILE_PIXELS } from '../lib/sheet';
import { sheetLayout } from '../lib/visual';

/**
 * Draws composed images ([tiles, 784]) onto a canvas as a tile sheet, with the same layout,
 * normalisation and colour map as the build's figures.
 */
export function drawSheet(canvas: HTMLCanvasElement, values: Float32Array, display: Display): void {
  const tiles = values.length / TILE_PIXELS;
  const { columns, scale, gap } = sheetLayout(tiles);
  const g = sheetGeometry(tiles, columns, scale, gap);
  const signedScale = display === 'signed' ? quantileAbs(values, SIGNED_SCALE_QUANTILE) : undefined;
  const rgba = paintSheet(g, tileColors(values, TILE_PIXELS, display, signedScale));
  canvas.width = g.width;
  canvas.height = g.height;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.putImageData(new ImageData(rgba, g.width, g.height), 0, 0);
}

/** Draws one MNIST digit (784 gray levels) onto a 28x28 canvas, white ink on black. */
export function drawDigit(canvas: HTMLCanvasElement, pixels: Uint8Array): void {
  canvas.width = 28;
  canvas.height = 28;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(28, 28);
  for (let p = 0; p < TILE_PIXELS; p++) {
    image.data[4 * p] = image.data[4 * p + 1] = image.data[4 * p + 2] = pixels[p];
    image.data[4 * p + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

import { PIXELS } from '../lib/mnist-constants';
import type { RenderedSheet } from '../lib/render-sheet';
import { paintSheet, sheetGeometry } from '../lib/sheet';

/** Canvas output shared by the widgets: the painting itself is src/lib's. */

const ONE_TILE = sheetGeometry(1, 1, 1, 0);

/** Sizes `canvas` to a rendered sheet and puts its pixels there. */
export function putSheet(canvas: HTMLCanvasElement, sheet: Pick<RenderedSheet, 'geometry' | 'rgba'>): void {
  const { width, height } = sheet.geometry;
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.putImageData(new ImageData(sheet.rgba, width, height), 0, 0);
}

/** Paints one 28x28 tile of RGB colours ([784, 3]) at its natural size. */
export function paintTile(canvas: HTMLCanvasElement, rgb: Uint8ClampedArray): void {
  putSheet(canvas, { geometry: ONE_TILE, rgba: paintSheet(ONE_TILE, rgb) });
}

/** Paints one 28x28 grayscale image (values 0 to `full`) as white ink on black, like MNIST. */
export function paintGray(canvas: HTMLCanvasElement, values: ArrayLike<number>, full = 255): void {
  const rgb = new Uint8ClampedArray(PIXELS * 3);
  for (let p = 0; p < PIXELS; p++) rgb[3 * p] = rgb[3 * p + 1] = rgb[3 * p + 2] = Math.round((values[p] / full) * 255);
  paintTile(canvas, rgb);
}

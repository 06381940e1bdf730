import { PIXELS, SIDE } from '../lib/mnist-constants';
import { type SheetGeometry, tileOrigin } from '../lib/sheet';

/** The build's sheet of sample training digits, as the wrapper passes it in `data-samples`. */
export interface SampleSheet {
  url: string;
  geometry: SheetGeometry;
  labels: number[];
}

let image: Promise<HTMLImageElement> | undefined;

function loadImage(url: string): Promise<HTMLImageElement> {
  image ??= new Promise((done, fail) => {
    const img = new Image();
    img.onload = () => done(img);
    img.onerror = () => fail(new Error(`could not load ${url}`));
    img.src = url;
  });
  return image;
}

/** Tile `index` of the sample sheet as 784 ink values in [0, 1] (the sheet is white on black). */
export async function sampleDigit(sheet: SampleSheet, index: number): Promise<Float32Array> {
  const img = await loadImage(sheet.url);
  const g = sheet.geometry;
  const { x, y } = tileOrigin(g, index);
  const canvas = document.createElement('canvas');
  canvas.width = SIDE;
  canvas.height = SIDE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  // Each source pixel is a scale x scale block: unsmoothed downscaling picks one pixel per block.
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(img, x, y, g.tileSize * g.scale, g.tileSize * g.scale, 0, 0, SIDE, SIDE);
  const rgba = ctx.getImageData(0, 0, SIDE, SIDE).data;
  return Float32Array.from({ length: PIXELS }, (_, i) => rgba[4 * i] / 255);
}

import { join } from 'node:path';
import type { SheetEntry } from '../../src/lib/manifest';
import { type Display, quantileAbs, SIGNED_SCALE_QUANTILE, tileColors } from '../../src/lib/normalise';
import { paintSheet, sheetGeometry, TILE_PIXELS } from '../../src/lib/sheet';
import { sheetLayout } from '../../src/lib/visual';
import { writePng } from '../write-png';

/**
 * Writes `values` ([tiles, 784] row-major) as a PNG tile sheet in one display and returns its
 * manifest entry. `path` is relative to `outDir`.
 */
export async function writeWeightSheet(outDir: string, path: string, values: Float32Array, display: Display): Promise<SheetEntry> {
  const tiles = values.length / TILE_PIXELS;
  const scale = display === 'signed' ? quantileAbs(values, SIGNED_SCALE_QUANTILE) : undefined;
  return writeRgbSheet(outDir, path, tileColors(values, TILE_PIXELS, display, scale), tiles, display, scale);
}

/** Writes per-pixel gray levels ([tiles, 784], 0-255) as a PNG tile sheet. */
export async function writeGraySheet(
  outDir: string,
  path: string,
  gray: Uint8ClampedArray | Uint8Array,
  display: 'digits' | 'share',
): Promise<SheetEntry> {
  const rgb = new Uint8ClampedArray(gray.length * 3);
  for (let i = 0; i < gray.length; i++) rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = gray[i];
  return writeRgbSheet(outDir, path, rgb, gray.length / TILE_PIXELS, display);
}

async function writeRgbSheet(
  outDir: string,
  path: string,
  rgb: Uint8ClampedArray,
  tiles: number,
  display: SheetEntry['display'],
  valueScale?: number,
): Promise<SheetEntry> {
  const { columns, scale, gap } = sheetLayout(tiles);
  const g = sheetGeometry(tiles, columns, scale, gap);
  // Sheets of hundreds of noisy tiles are the page's heaviest images: store them as palette PNGs.
  await writePng(join(outDir, path), paintSheet(g, rgb), g.width, g.height, tiles > 64);
  return {
    display,
    path,
    tiles,
    columns: g.columns,
    rows: g.rows,
    tileSize: g.tileSize,
    scale: g.scale,
    gap: g.gap,
    width: g.width,
    height: g.height,
    ...(valueScale !== undefined ? { valueScale } : {}),
  };
}

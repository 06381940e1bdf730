import { join } from 'node:path';
import type { SheetEntry } from '../../src/lib/manifest';
import type { Display } from '../../src/lib/normalise';
import { type RenderedSheet, renderRgbSheet, renderWeightSheet, sheetEntryOf } from '../../src/lib/render-sheet';
import { writePng } from '../write-png';

/**
 * Writes `values` ([tiles, 784] row-major) as a PNG tile sheet in one display and returns its
 * manifest entry. `path` is relative to `outDir`. `signedScale` fixes the signed display's scale.
 */
export async function writeWeightSheet(
  outDir: string,
  path: string,
  values: Float32Array,
  display: Display,
  signedScale?: number,
): Promise<SheetEntry> {
  return writeSheet(outDir, path, renderWeightSheet(values, display, signedScale), display);
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
  return writeSheet(outDir, path, renderRgbSheet(rgb), display);
}

async function writeSheet(outDir: string, path: string, sheet: RenderedSheet, display: SheetEntry['display']): Promise<SheetEntry> {
  // Sheets of hundreds of noisy tiles are the page's heaviest images: store them as palette PNGs.
  await writePng(join(outDir, path), sheet.rgba, sheet.geometry.width, sheet.geometry.height, sheet.geometry.tiles > 64);
  return sheetEntryOf(sheet, display, path);
}

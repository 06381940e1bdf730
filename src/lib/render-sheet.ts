import type { SheetEntry } from './manifest';
import { type Display, quantileAbs, SIGNED_SCALE_QUANTILE, tileColors } from './normalise';
import { PIXELS } from './mnist-constants';
import { paintSheet, type SheetGeometry, sheetGeometry, sheetLayout } from './sheet';

/** A tile sheet painted to RGBA pixels, ready for a PNG file or a canvas. */
export interface RenderedSheet {
  geometry: SheetGeometry;
  rgba: Uint8ClampedArray<ArrayBuffer>;
  /** For a signed display: the absolute value at the ends of the colour map. */
  valueScale?: number;
}

/** Paints RGB tiles ([tiles, 784, 3]) in the standard layout for their number. */
export function renderRgbSheet(rgb: Uint8ClampedArray): RenderedSheet {
  const tiles = rgb.length / (PIXELS * 3);
  const { columns, scale, gap } = sheetLayout(tiles);
  const geometry = sheetGeometry(tiles, columns, scale, gap);
  return { geometry, rgba: paintSheet(geometry, rgb) };
}

/**
 * Composed images ([tiles, 784]) as the article shows them: per-tile gray for `minmax`, the
 * diverging map on one shared scale (a high quantile of |value|, unless `signedScale` is given,
 * e.g. to put two sheets on one scale) for `signed`. The figure pipeline and the live widgets
 * both draw through this.
 */
export function renderWeightSheet(values: Float32Array, display: Display, signedScale?: number): RenderedSheet {
  const valueScale = display === 'signed' ? (signedScale ?? quantileAbs(values, SIGNED_SCALE_QUANTILE)) : undefined;
  return { ...renderRgbSheet(tileColors(values, PIXELS, display, valueScale)), valueScale };
}

/** The manifest's entry for a rendered sheet stored at `path`: its geometry and, if signed, its scale. */
export function sheetEntryOf(sheet: RenderedSheet, display: SheetEntry['display'], path: string): SheetEntry {
  const g = sheet.geometry;
  return {
    display,
    path,
    tiles: g.tiles,
    columns: g.columns,
    rows: g.rows,
    tileSize: g.tileSize,
    scale: g.scale,
    gap: g.gap,
    width: g.width,
    height: g.height,
    ...(sheet.valueScale !== undefined ? { valueScale: sheet.valueScale } : {}),
  };
}

import { SIDE } from './mnist-constants';

/** Where the tiles of a sheet sit in its image. Pixel units are the upscaled image's. */
export interface SheetGeometry {
  tiles: number;
  columns: number;
  rows: number;
  /** Source tile size in pixels (28 for MNIST). */
  tileSize: number;
  /** Each source pixel becomes a scale x scale block. */
  scale: number;
  /** Transparent pixels between neighbouring tiles. */
  gap: number;
  width: number;
  height: number;
}

/** How a sheet of tiles is laid out: tiles per row, upscaling and the gap between tiles. */
export interface SheetLayout {
  columns: number;
  scale: number;
  gap: number;
}

/** Layout of a sheet of `tiles` tiles: wide grids for many nodes, large tiles for few. */
export function sheetLayout(tiles: number): SheetLayout {
  // Hundreds of noisy tiles compress poorly: keep them at source size and let the page
  // upscale them with image-rendering: pixelated.
  if (tiles > 256) return { columns: 32, scale: 1, gap: 1 };
  if (tiles > 64) return { columns: 16, scale: 1, gap: 1 };
  if (tiles > 10) return { columns: 10, scale: 3, gap: 3 };
  return { columns: 5, scale: 6, gap: 6 };
}

/** Geometry of a sheet of `tiles` square tiles laid out `columns` wide. */
export function sheetGeometry(tiles: number, columns: number, scale: number, gap: number, tileSize = SIDE): SheetGeometry {
  if (!(tiles > 0 && columns > 0 && scale > 0 && gap >= 0)) {
    throw new RangeError(`bad sheet geometry: tiles ${tiles}, columns ${columns}, scale ${scale}, gap ${gap}`);
  }
  const cols = Math.min(columns, tiles);
  const rows = Math.ceil(tiles / cols);
  const step = tileSize * scale + gap;
  return {
    tiles,
    columns: cols,
    rows,
    tileSize,
    scale,
    gap,
    width: cols * step - gap,
    height: rows * step - gap,
  };
}

/** Top-left corner of tile `index` in the sheet image. */
export function tileOrigin(g: SheetGeometry, index: number): { x: number; y: number } {
  const step = g.tileSize * g.scale + g.gap;
  return { x: (index % g.columns) * step, y: Math.floor(index / g.columns) * step };
}

/**
 * The tile under point (x, y) of the sheet image, or null when the point falls in a gap between
 * tiles, past the last tile or outside the image.
 */
export function tileAt(g: SheetGeometry, x: number, y: number): number | null {
  const side = g.tileSize * g.scale;
  const step = side + g.gap;
  const col = Math.floor(x / step);
  const row = Math.floor(y / step);
  if (col < 0 || col >= g.columns || row < 0 || x - col * step >= side || y - row * step >= side) return null;
  const tile = row * g.columns + col;
  return tile < g.tiles ? tile : null;
}

/**
 * Paints tiles into an RGBA image (4 bytes a pixel, gaps transparent), upscaling each source
 * pixel to a scale x scale block without smoothing. `rgb` holds 3 bytes per source pixel,
 * [tiles, tileSize * tileSize, 3].
 */
export function paintSheet(g: SheetGeometry, rgb: Uint8ClampedArray): Uint8ClampedArray<ArrayBuffer> {
  const tilePixels = g.tileSize * g.tileSize;
  if (rgb.length !== g.tiles * tilePixels * 3) {
    throw new RangeError(`expected ${g.tiles * tilePixels * 3} colour bytes for ${g.tiles} tiles, got ${rgb.length}`);
  }
  const out = new Uint8ClampedArray(g.width * g.height * 4);
  for (let t = 0; t < g.tiles; t++) {
    const { x: ox, y: oy } = tileOrigin(g, t);
    for (let sy = 0; sy < g.tileSize; sy++) {
      for (let sx = 0; sx < g.tileSize; sx++) {
        const src = (t * tilePixels + sy * g.tileSize + sx) * 3;
        for (let dy = 0; dy < g.scale; dy++) {
          let dst = ((oy + sy * g.scale + dy) * g.width + ox + sx * g.scale) * 4;
          for (let dx = 0; dx < g.scale; dx++, dst += 4) {
            out[dst] = rgb[src];
            out[dst + 1] = rgb[src + 1];
            out[dst + 2] = rgb[src + 2];
            out[dst + 3] = 255;
          }
        }
      }
    }
  }
  return out;
}

import { diverging } from './colormap';

export type Display = 'minmax' | 'signed';
export const DISPLAYS: readonly Display[] = ['minmax', 'signed'];

/** Gray level used for a tile whose values are all equal: there is no contrast to show. */
export const FLAT_TILE_GRAY = 128;

/**
 * Min-max normalises each tile on its own: min -> 0, max -> 255.
 * `values` is [tiles, tilePixels] row-major; returns gray levels of the same shape.
 */
export function minmaxGray(values: Float32Array, tilePixels: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length);
  for (let start = 0; start < values.length; start += tilePixels) {
    let min = Infinity;
    let max = -Infinity;
    for (let p = start; p < start + tilePixels; p++) {
      const v = values[p];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const range = max - min;
    for (let p = start; p < start + tilePixels; p++) {
      out[p] = range > 0 && Number.isFinite(range) ? Math.round(((values[p] - min) / range) * 255) : FLAT_TILE_GRAY;
    }
  }
  return out;
}

/** The largest absolute value in `values`: the shared scale of a signed display. */
export function maxAbs(values: Float32Array): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m) m = a;
  }
  return m;
}

/**
 * The `q` quantile of |value|: a shared scale for a signed display that a handful of extreme
 * weights cannot wash out (values beyond it saturate at the ends of the colour map).
 */
export function quantileAbs(values: Float32Array, q: number): number {
  if (values.length === 0) return 0;
  const abs = Float32Array.from(values, Math.abs).sort();
  return abs[Math.min(abs.length - 1, Math.floor(q * abs.length))];
}

/** Share of |values| under the signed display's scale; the rest saturate. */
export const SIGNED_SCALE_QUANTILE = 0.995;

/** Values divided by one shared scale, so 0 stays 0 and the extremes reach +-1. */
export function signedUnit(values: Float32Array, scale = maxAbs(values)): Float32Array {
  const out = new Float32Array(values.length);
  if (!(scale > 0)) return out;
  for (let i = 0; i < values.length; i++) out[i] = values[i] / scale;
  return out;
}

/**
 * RGB colours (3 bytes a pixel) for every pixel of every tile in the chosen display:
 * `minmax` gives per-tile grayscale, `signed` the diverging map with one scale for all tiles.
 */
export function tileColors(values: Float32Array, tilePixels: number, display: Display, scale?: number): Uint8ClampedArray {
  const rgb = new Uint8ClampedArray(values.length * 3);
  if (display === 'minmax') {
    const gray = minmaxGray(values, tilePixels);
    for (let i = 0; i < gray.length; i++) rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = gray[i];
  } else {
    const unit = signedUnit(values, scale);
    for (let i = 0; i < unit.length; i++) {
      const [r, g, b] = diverging(unit[i]);
      rgb[3 * i] = r;
      rgb[3 * i + 1] = g;
      rgb[3 * i + 2] = b;
    }
  }
  return rgb;
}

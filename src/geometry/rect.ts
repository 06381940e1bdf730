/**
 * The rectangles of an image's pixels, the one shape shared by the experiment's definition, the
 * pixel code in `src/lib/` (regions, planted blocks, a drawing's ink box) and the page's outlines. Imports nothing, so every layer may use it.
 */

/** A rectangle of an image's pixels: rows [top, bottom), columns [left, right), 0-based. */
export interface PixelRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A rectangle of the canvas with a name: an `id` for code and a `label` for the page. */
export interface Region extends PixelRect {
  id: string;
  label: string;
}

/** Visual constants shared by the figure pipeline and the widgets. */

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

/** Sample digits shown per class in the MNIST figure. */
export const SAMPLES_PER_CLASS = 3;

/**
 * The link-preview image (Open Graph, Twitter card): a PNG of this size at this path under the
 * generated folder, made by the figure pipeline from the two multi-layer networks' output images.
 */
export const PREVIEW_IMAGE = { path: 'preview.png', width: 1200, height: 630 } as const;

/**
 * The link-preview image (Open Graph, Twitter card): a PNG of this size at this path under the
 * generated folder, made by the figure pipeline from the two multi-layer networks' output images.
 */
export const PREVIEW_IMAGE = { path: 'preview.png', width: 1200, height: 630 } as const;

import type { Region } from '../geometry/rect';
import type { DigitSet } from './mnist';
import { CLASSES, INK_BYTE_THRESHOLD, PIXELS, SIDE } from './mnist-constants';

export interface InkStats {
  /** Images per class. */
  classCounts: number[];
  /** Share of each class's images inking each pixel, [10, 784]. */
  pixelShare: Float32Array;
}

/** Per class and pixel, the share of the class's images with ink there. */
export function inkStats(set: DigitSet, threshold = INK_BYTE_THRESHOLD): InkStats {
  const counts = new Array<number>(CLASSES).fill(0);
  const inked = new Float64Array(CLASSES * PIXELS);
  for (let i = 0; i < set.count; i++) {
    const c = set.labels[i];
    counts[c]++;
    const base = i * PIXELS;
    const row = c * PIXELS;
    for (let p = 0; p < PIXELS; p++) if (set.images[base + p] >= threshold) inked[row + p]++;
  }
  const pixelShare = new Float32Array(CLASSES * PIXELS);
  for (let c = 0; c < CLASSES; c++) {
    for (let p = 0; p < PIXELS; p++) pixelShare[c * PIXELS + p] = counts[c] ? inked[c * PIXELS + p] / counts[c] : 0;
  }
  return { classCounts: counts, pixelShare };
}

export interface RegionInk {
  region: Region;
  /** For each class, the share of its images with any ink in the region. */
  classShare: number[];
  /** Of all images inking the region, the share that belongs to each class. */
  shareOfInkers: number[];
}

/** How often each class puts ink anywhere in `region`. */
export function regionInk(set: DigitSet, region: Region, threshold = INK_BYTE_THRESHOLD): RegionInk {
  const hits = new Array<number>(CLASSES).fill(0);
  const counts = new Array<number>(CLASSES).fill(0);
  for (let i = 0; i < set.count; i++) {
    const c = set.labels[i];
    counts[c]++;
    if (inksRegion(set.images, i * PIXELS, region, threshold)) hits[c]++;
  }
  const totalHits = hits.reduce((a, b) => a + b, 0);
  return {
    region,
    classShare: hits.map((h, c) => (counts[c] ? h / counts[c] : 0)),
    shareOfInkers: hits.map((h) => (totalHits ? h / totalHits : 0)),
  };
}

/** Whether the image at `base` of `images` (uint8 [n, 784]) has a pixel at or above `threshold` in `r`. */
export function inksRegion(images: Uint8Array, base: number, r: Region, threshold = INK_BYTE_THRESHOLD): boolean {
  for (let y = r.top; y < r.bottom; y++) {
    for (let x = r.left; x < r.right; x++) if (images[base + y * SIDE + x] >= threshold) return true;
  }
  return false;
}

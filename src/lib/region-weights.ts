import { EDGE_REGIONS } from '../experiment/regions';
import type { Region } from '../geometry/rect';
import { PIXELS, SIDE } from './mnist-constants';

/**
 * How strongly each output image weights a region: the mean over the region's pixels of the
 * tile's z-scored values (each tile centred on its own mean and divided by its own standard
 * deviation, so tiles of different scale compare). `values` is [tiles, 784].
 */
export function regionZScores(values: Float32Array, region: Region): number[] {
  const tiles = values.length / PIXELS;
  const out: number[] = [];
  for (let t = 0; t < tiles; t++) {
    const base = t * PIXELS;
    let sum = 0;
    let sumSq = 0;
    for (let p = 0; p < PIXELS; p++) {
      sum += values[base + p];
      sumSq += values[base + p] ** 2;
    }
    const mean = sum / PIXELS;
    const sd = Math.sqrt(Math.max(sumSq / PIXELS - mean * mean, 0));
    let regionSum = 0;
    let n = 0;
    for (let y = region.top; y < region.bottom; y++) {
      for (let x = region.left; x < region.right; x++, n++) regionSum += values[base + y * SIDE + x];
    }
    out.push(sd > 0 && n > 0 ? (regionSum / n - mean) / sd : 0);
  }
  return out;
}

/**
 * `regionZScores` over every edge region of `EDGE_REGIONS`: how strongly each image of `values`
 * ([tiles, 784], e.g. composed output images or mean effective templates) weights each region.
 */
export function edgeRegionWeights(values: Float32Array): { region: string; zScore: number[] }[] {
  return EDGE_REGIONS.map((region) => ({ region: region.id, zScore: regionZScores(values, region) }));
}

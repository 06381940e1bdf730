import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EDGE_REGIONS } from '../../src/experiment/regions';
import { inkStats, regionInk } from '../../src/lib/ink';
import { INK_BYTE_THRESHOLD } from '../../src/lib/mnist-constants';
import type { Manifest } from '../../src/lib/manifest';
import type { DigitSet } from '../../src/lib/mnist';
import { littleEndianBytes } from './composed-layers';
import { writeGraySheet } from './sheet-writer';

/**
 * The data behind the shortcut finding: per digit, the share of training images inking each
 * pixel (as a sheet, white = every image, black = none, and as raw float32), plus per-region
 * shares for the edge strips the article discusses.
 */
export async function writeInkShare(outDir: string, train: DigitSet): Promise<Manifest['ink']> {
  const stats = inkStats(train, INK_BYTE_THRESHOLD);
  const pixelShare = 'data/ink-share.f32';
  await writeFile(join(outDir, pixelShare), littleEndianBytes(stats.pixelShare));
  const gray = new Uint8ClampedArray(stats.pixelShare.length);
  for (let i = 0; i < gray.length; i++) gray[i] = Math.round(stats.pixelShare[i] * 255);
  const sheet = await writeGraySheet(outDir, 'sheets/ink-share.png', gray, 'share');
  const regions = EDGE_REGIONS.map((region) => {
    const ink = regionInk(train, region, INK_BYTE_THRESHOLD);
    return { ...region, classShare: ink.classShare, shareOfInkers: ink.shareOfInkers };
  });
  return { threshold: INK_BYTE_THRESHOLD, imageCount: train.count, classCounts: stats.classCounts, pixelShare, sheet, regions };
}

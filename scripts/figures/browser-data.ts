import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PIXELS } from '../../src/lib/idx';
import type { BrowserData } from '../../src/lib/manifest';
import { headOf, type DigitSet } from '../../src/lib/mnist';

/** How many digits the in-browser widgets get. */
export const BROWSER_TRAIN_COUNT = 10000;
export const BROWSER_TEST_COUNT = 2000;

/**
 * Writes compact slices of MNIST for the widgets: per file, uint8 pixels [count, 784] then
 * uint8 labels [count]. Sizes and SHA-256 go in the manifest.
 */
export async function writeBrowserData(outDir: string, train: DigitSet, test: DigitSet): Promise<BrowserData> {
  const write = async (name: string, set: DigitSet) => {
    const bytes = new Uint8Array(set.count * (PIXELS + 1));
    bytes.set(set.images.subarray(0, set.count * PIXELS), 0);
    bytes.set(set.labels.subarray(0, set.count), set.count * PIXELS);
    const path = `data/${name}.bin`;
    await writeFile(join(outDir, path), bytes);
    return { path, count: set.count, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  };
  return {
    train: await write('browser-train', headOf(train, Math.min(BROWSER_TRAIN_COUNT, train.count))),
    test: await write('browser-test', headOf(test, Math.min(BROWSER_TEST_COUNT, test.count))),
  };
}

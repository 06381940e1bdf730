import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packBrowserDigits, splitBrowserDigits } from '../../src/lib/browser-digits';
import { PIXELS } from '../../src/lib/mnist-constants';
import type { BrowserData } from '../../src/lib/manifest';
import { headOf, type DigitSet } from '../../src/lib/mnist';

/** How many digits the in-browser widgets get. */
export const BROWSER_TRAIN_COUNT = 10000;
export const BROWSER_TEST_COUNT = 2000;

/**
 * Writes compact slices of MNIST for the widgets, gzip-compressed (a fifth of the size, and
 * static hosts do not all compress .bin files): per file, uint8 pixels [count, 784] then uint8
 * labels [count]. The compressed and raw sizes and the raw bytes' SHA-256 go in the manifest.
 */
export async function writeBrowserData(outDir: string, train: DigitSet, test: DigitSet): Promise<BrowserData> {
  const write = async (name: string, set: DigitSet) => {
    const raw = packBrowserDigits(set);
    // mtime 0 in the header (zlib's default) keeps the file identical from run to run.
    const packed = gzipSync(raw, { level: 9 });
    const path = `data/${name}.bin.gz`;
    await writeFile(join(outDir, path), packed);
    return {
      path,
      encoding: 'gzip' as const,
      count: set.count,
      bytes: packed.length,
      rawBytes: raw.length,
      sha256: createHash('sha256').update(raw).digest('hex'),
    };
  };
  return {
    train: await write('browser-train', headOf(train, Math.min(BROWSER_TRAIN_COUNT, train.count))),
    test: await write('browser-test', headOf(test, Math.min(BROWSER_TEST_COUNT, test.count))),
  };
}

/**
 * One of the widgets' digit files (`manifest.browserData.train` or `.test`) read back from the
 * figures' folder `dir`, checked against the manifest's size and SHA-256 as the page checks it.
 */
export async function readBrowserDigits(dir: string, entry: BrowserData['train']): Promise<DigitSet> {
  const path = join(dir, entry.path);
  const bytes = gunzipSync(await readFile(path));
  if (bytes.length !== entry.rawBytes || bytes.length !== entry.count * (PIXELS + 1)) {
    throw new Error(`${path}: ${bytes.length} bytes unpacked, the manifest says ${entry.rawBytes} for ${entry.count} digits`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) throw new Error(`${path}: checksum does not match the manifest`);
  return splitBrowserDigits(bytes, entry.count);
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBrowserDigits, writeBrowserData } from '../../scripts/figures/browser-data';
import type { BrowserData } from '../../src/lib/manifest';
import type { DigitSet } from '../../src/lib/mnist';

let dir: string;
let data: BrowserData;
const digits = (count: number, seed: number): DigitSet => ({
  count,
  images: Uint8Array.from({ length: count * 784 }, (_, i) => (i * 7 + seed) % 256),
  labels: Uint8Array.from({ length: count }, (_, i) => (i + seed) % 10),
});
const train = digits(30, 1);
const test = digits(12, 2);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'widget-digits-'));
  await mkdir(join(dir, 'data'));
  data = await writeBrowserData(dir, train, test);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readBrowserDigits', () => {
  it("reads the widgets' digit files back as the pipeline wrote them", async () => {
    const read = await readBrowserDigits(dir, data.test);
    expect(read.count).toBe(12);
    expect(Buffer.from(read.images).equals(Buffer.from(test.images.subarray(0, 12 * 784)))).toBe(true);
    expect(Array.from(read.labels)).toEqual(Array.from(test.labels.subarray(0, 12)));
  });

  it('refuses a file whose bytes or size do not match the manifest, naming it', async () => {
    await expect(readBrowserDigits(dir, { ...data.train, sha256: '0'.repeat(64) })).rejects.toThrow(/train\.bin\.gz: checksum does not match/);
    await writeFile(join(dir, data.test.path), Buffer.from([0x1f, 0x8b]));
    await expect(readBrowserDigits(dir, data.test)).rejects.toThrow();
    // Valid gzip, the wrong size: 10 bytes, where the manifest gives 12 digits of 785.
    await writeFile(join(dir, data.test.path), gzipSync(new Uint8Array(10)));
    await expect(readBrowserDigits(dir, data.test)).rejects.toThrow(/browser-test\.bin\.gz: 10 bytes unpacked, the manifest says 9420 for 12 digits/);
  });
});

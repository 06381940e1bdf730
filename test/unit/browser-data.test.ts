import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBrowserData } from '../../scripts/figures/browser-data';
import { browserDataSchema } from '../../src/lib/manifest';
import type { DigitSet } from '../../src/lib/mnist';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'browser-data-'));
  await mkdir(join(dir, 'data'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Digits with MNIST's kind of redundancy: mostly blank pixels. */
function digits(count: number, seed: number): DigitSet {
  const images = new Uint8Array(count * 784);
  for (let i = 0; i < images.length; i++) images[i] = (i * 7 + seed) % 11 === 0 ? (i * 31 + seed) % 256 : 0;
  const labels = Uint8Array.from({ length: count }, (_, i) => (i + seed) % 10);
  return { count, images, labels };
}

describe('browser data shards', () => {
  it('are gzip files that unpack to pixels then labels, with the raw size and checksum in the manifest', async () => {
    const train = digits(300, 1);
    const test = digits(50, 2);
    const data = await writeBrowserData(dir, train, test);
    expect(browserDataSchema.parse(data)).toEqual(data);
    for (const [entry, set] of [[data.train, train], [data.test, test]] as const) {
      const packed = await readFile(join(dir, entry.path));
      expect(entry.path).toMatch(/\.bin\.gz$/);
      expect(packed.length).toBe(entry.bytes);
      expect(entry.bytes).toBeLessThan(entry.rawBytes / 2);
      const raw = gunzipSync(packed);
      expect(raw.length).toBe(entry.rawBytes);
      expect(createHash('sha256').update(raw).digest('hex')).toBe(entry.sha256);
      expect(Buffer.compare(raw.subarray(0, set.count * 784), Buffer.from(set.images))).toBe(0);
      expect(Buffer.compare(raw.subarray(set.count * 784), Buffer.from(set.labels))).toBe(0);
    }
  });

  it('write the same bytes on every run', async () => {
    const first = await writeBrowserData(dir, digits(100, 3), digits(20, 4));
    const second = await writeBrowserData(dir, digits(100, 3), digits(20, 4));
    expect(second).toEqual(first);
  });

  it('are rejected by the schema when the raw size does not match the count', () => {
    const entry = { path: 'data/x.bin.gz', encoding: 'gzip', count: 10, bytes: 100, rawBytes: 7849, sha256: 'a'.repeat(64) };
    expect(() => browserDataSchema.parse({ train: entry, test: { ...entry, rawBytes: 7850 } })).toThrow(/rawBytes must be count \* 785/);
  });
});

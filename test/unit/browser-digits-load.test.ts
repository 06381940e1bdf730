import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeBrowserData } from '../../scripts/figures/browser-data';
import type { BrowserData } from '../../src/lib/manifest';
import type { DigitSet } from '../../src/lib/mnist';
import { serveStatic, type StaticServer } from '../../scripts/browser/static-server';

let dir: string;
let server: StaticServer;
let data: BrowserData;
const train: DigitSet = digits(400, 5);
const test: DigitSet = digits(60, 6);

/** Addresses each file under the test server's root, as the widget addresses them under its site. */
const at = (base: string) => (path: string) => new URL(path, base).href;

function digits(count: number, seed: number): DigitSet {
  const images = Uint8Array.from({ length: count * 784 }, (_, i) => ((i * 13 + seed) % 17 === 0 ? (i + seed) % 256 : 0));
  const labels = Uint8Array.from({ length: count }, (_, i) => (i * 3 + seed) % 10);
  return { count, images, labels };
}

/** A fresh copy of the loader: it keeps one download per page, and each test is a new page. */
async function loader(): Promise<typeof import('../../src/live/browser-data')> {
  vi.resetModules();
  return import('../../src/live/browser-data');
}

// The widget's loader in Node's own fetch, DecompressionStream and WebCrypto, against real files.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'browser-digits-'));
  await mkdir(join(dir, 'data'));
  data = await writeBrowserData(dir, train, test);
  server = await serveStatic(dir);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the widgets\' digit download', () => {
  it('unpacks the gzip shards to the exact digits, reporting progress up to 1', async () => {
    const { loadBrowserDigits } = await loader();
    const progress: number[] = [];
    const got = await loadBrowserDigits(at(server.url), data, (f) => progress.push(f));
    expect(got.train.count).toBe(400);
    expect(Buffer.compare(Buffer.from(got.train.images), Buffer.from(train.images))).toBe(0);
    expect(Buffer.compare(Buffer.from(got.train.labels), Buffer.from(train.labels))).toBe(0);
    expect(Buffer.compare(Buffer.from(got.test.labels), Buffer.from(test.labels))).toBe(0);
    expect(progress[progress.length - 1]).toBeCloseTo(1, 6);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
  });

  it('takes files the host already unpacked, and checks them the same way', async () => {
    const raw = gunzipSync(await readFile(join(dir, data.test.path)));
    await writeFile(join(dir, 'data/plain-test.bin.gz'), raw);
    const { loadBrowserDigits } = await loader();
    const got = await loadBrowserDigits(at(server.url), { ...data, test: { ...data.test, path: 'data/plain-test.bin.gz' } }, () => {});
    expect(Buffer.compare(Buffer.from(got.test.images), Buffer.from(test.images))).toBe(0);
  });

  it('names the file whose checksum or size does not match the manifest', async () => {
    const { loadBrowserDigits } = await loader();
    const wrongSum = { ...data, train: { ...data.train, sha256: '0'.repeat(64) } };
    await expect(loadBrowserDigits(at(server.url), wrongSum, () => {})).rejects.toThrow('data/browser-train.bin.gz: checksum does not match the manifest');
    const { loadBrowserDigits: again } = await loader();
    const wrongCount = { ...data, test: { ...data.test, count: 61, rawBytes: 61 * 785 } };
    await expect(again(at(server.url), wrongCount, () => {})).rejects.toThrow(`data/browser-test.bin.gz: unpacks to ${60 * 785} bytes, the manifest gives ${61 * 785}`);
  });

  it('names a file that is not gzip data beyond its header, and a missing one', async () => {
    const bytes = await readFile(join(dir, data.train.path));
    await writeFile(join(dir, 'data/broken.bin.gz'), bytes.subarray(0, 1000));
    const { loadBrowserDigits } = await loader();
    await expect(loadBrowserDigits(at(server.url), { ...data, train: { ...data.train, path: 'data/broken.bin.gz' } }, () => {})).rejects.toThrow(/data\/broken\.bin\.gz: could not be unpacked/);
    const { loadBrowserDigits: again } = await loader();
    await expect(again(at(server.url), { ...data, train: { ...data.train, path: 'data/none.bin.gz' } }, () => {})).rejects.toThrow('data/none.bin.gz: HTTP 404');
  });
});

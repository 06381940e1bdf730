import { splitBrowserDigits } from '../lib/browser-digits';
import type { BrowserData } from '../lib/manifest';
import type { DigitBuffers } from './protocol';

export interface BrowserDigits {
  train: DigitBuffers;
  test: DigitBuffers;
}

type FileEntry = BrowserData['train'];
/** Bytes backed by a plain ArrayBuffer, as fetch and DecompressionStream give them. */
type Bytes = Uint8Array<ArrayBuffer>;

let loading: Promise<BrowserDigits> | null = null;

/**
 * Downloads the widgets' gzip-compressed digits (each file from `urlOf(its manifest path)`) once per page (every widget shares the same
 * promise), reporting the share of bytes received, unpacks them with the browser's own
 * DecompressionStream and checks each file's size and SHA-256 against the manifest.
 */
export function loadBrowserDigits(urlOf: (path: string) => string, data: BrowserData, onProgress: (fraction: number) => void): Promise<BrowserDigits> {
  loading ??= fetchBoth(urlOf, data, onProgress).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function fetchBoth(urlOf: (path: string) => string, data: BrowserData, onProgress: (fraction: number) => void): Promise<BrowserDigits> {
  const total = data.train.bytes + data.test.bytes;
  let received = 0;
  const tick = (n: number) => {
    received += n;
    onProgress(Math.min(1, received / total));
  };
  const [train, test] = await Promise.all([fetchFile(urlOf(data.train.path), data.train, tick), fetchFile(urlOf(data.test.path), data.test, tick)]);
  return { train, test };
}

async function fetchFile(url: string, entry: FileEntry, tick: (n: number) => void): Promise<DigitBuffers> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${entry.path}: HTTP ${response.status}`);
  const [head, rest] = await peek(response.body.getReader(), 2);
  // A host that labels .gz files Content-Encoding: gzip has the browser unpack them already.
  const packed = head[0] === 0x1f && head[1] === 0x8b;
  const counted = rest.pipeThrough(
    new TransformStream<Bytes, Bytes>({
      transform(chunk, out) {
        tick(packed ? chunk.length : (chunk.length * entry.bytes) / entry.rawBytes);
        out.enqueue(chunk);
      },
    }),
  );
  const plain: ReadableStream<Bytes> = packed ? counted.pipeThrough<Bytes>(new DecompressionStream('gzip')) : counted;
  const bytes = await collect(plain, entry);
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
  if (digest !== entry.sha256) throw new Error(`${entry.path}: checksum does not match the manifest`);
  return splitBrowserDigits(bytes, entry.count);
}

/**
 * Reads at least `n` bytes from `reader` and returns them with a stream that replays them
 * followed by the rest.
 */
async function peek(reader: ReadableStreamDefaultReader<Bytes>, n: number): Promise<[Uint8Array, ReadableStream<Bytes>]> {
  const chunks: Bytes[] = [];
  let length = 0;
  while (length < n) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const head = new Uint8Array(Math.min(n, length));
  let at = 0;
  for (const c of chunks) {
    if (at >= head.length) break;
    const part = c.subarray(0, head.length - at);
    head.set(part, at);
    at += part.length;
  }
  const stream = new ReadableStream<Bytes>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return [head, stream];
}

/** The stream's bytes, which must be exactly the manifest's decompressed size. */
async function collect(stream: ReadableStream<Bytes>, entry: FileEntry): Promise<Bytes> {
  const bytes = new Uint8Array(entry.rawBytes);
  let offset = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw new Error(`${entry.path}: could not be unpacked (${error instanceof Error ? error.message : String(error)})`);
    });
    if (done) break;
    if (offset + value.length > bytes.length) {
      await reader.cancel();
      throw new Error(`${entry.path}: unpacks to more than the ${entry.rawBytes} bytes the manifest gives`);
    }
    bytes.set(value, offset);
    offset += value.length;
  }
  if (offset !== entry.rawBytes) throw new Error(`${entry.path}: unpacks to ${offset} bytes, the manifest gives ${entry.rawBytes}`);
  return bytes;
}

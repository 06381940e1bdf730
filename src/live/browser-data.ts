import { PIXELS } from '../lib/idx';
import type { BrowserData } from '../lib/manifest';
import type { DigitBuffers } from './protocol';

export interface BrowserDigits {
  train: DigitBuffers;
  test: DigitBuffers;
}

type FileEntry = BrowserData['train'];

let loading: Promise<BrowserDigits> | null = null;

/**
 * Downloads the widgets' digits once per page (every widget shares the same promise), reporting
 * the share of bytes received, and checks each file's size and SHA-256 against the manifest.
 */
export function loadBrowserDigits(baseUrl: string, data: BrowserData, onProgress: (fraction: number) => void): Promise<BrowserDigits> {
  loading ??= fetchBoth(baseUrl, data, onProgress).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function fetchBoth(baseUrl: string, data: BrowserData, onProgress: (fraction: number) => void): Promise<BrowserDigits> {
  const total = data.train.bytes + data.test.bytes;
  let received = 0;
  const tick = (n: number) => {
    received += n;
    onProgress(Math.min(1, received / total));
  };
  const [train, test] = await Promise.all([fetchFile(baseUrl, data.train, tick), fetchFile(baseUrl, data.test, tick)]);
  return { train, test };
}

async function fetchFile(baseUrl: string, entry: FileEntry, tick: (n: number) => void): Promise<DigitBuffers> {
  const url = new URL(entry.path, baseUrl).href;
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${entry.path}: HTTP ${response.status}`);
  const bytes = new Uint8Array(entry.bytes);
  let offset = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > bytes.length) throw new Error(`${entry.path}: larger than the ${entry.bytes} bytes the manifest gives`);
    bytes.set(value, offset);
    offset += value.length;
    tick(value.length);
  }
  if (offset !== entry.bytes) throw new Error(`${entry.path}: got ${offset} bytes, the manifest gives ${entry.bytes}`);
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
  if (digest !== entry.sha256) throw new Error(`${entry.path}: checksum does not match the manifest`);
  return {
    count: entry.count,
    images: bytes.subarray(0, entry.count * PIXELS),
    labels: bytes.subarray(entry.count * PIXELS),
  };
}

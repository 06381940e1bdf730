import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BrowserData, BehaviourEntry } from '../../src/lib/manifest';
import { PIXELS } from '../../src/lib/mnist-constants';
import type { DigitSet } from '../../src/lib/mnist';
import type { RetrainSettings } from '../../src/live/settings';
import { runWidgetRecipe } from '../../src/live/widget-recipe';
import { chooseBackend } from '../backend';

/**
 * One of the widgets' digit files (`manifest.browserData.train` or `.test`) read from the figures'
 * folder `dir`, checked against the manifest's size and SHA-256 as the page checks it.
 */
export async function readBrowserDigits(dir: string, entry: BrowserData['train']): Promise<DigitSet> {
  const path = join(dir, entry.path);
  const bytes = gunzipSync(await readFile(path));
  if (bytes.length !== entry.rawBytes || bytes.length !== entry.count * (PIXELS + 1)) {
    throw new Error(`${path}: ${bytes.length} bytes unpacked, the manifest says ${entry.rawBytes} for ${entry.count} digits`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) throw new Error(`${path}: checksum does not match the manifest`);
  return { count: entry.count, images: bytes.subarray(0, entry.count * PIXELS), labels: bytes.subarray(entry.count * PIXELS) };
}

/**
 * What a retraining widget gives for `settings`, computed in Node on the wasm backend: the same
 * digits (from the figures' folder `dir`), recipe and tests as the worker (`runWidgetRecipe`).
 */
export async function nodeWidgetRecipe(dir: string, data: BrowserData, settings: RetrainSettings): Promise<BehaviourEntry> {
  await chooseBackend('wasm');
  const [train, test] = await Promise.all([readBrowserDigits(dir, data.train), readBrowserDigits(dir, data.test)]);
  return runWidgetRecipe(settings, train, test);
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGITS } from './digits';
import { connectBrowser, disconnectBrowser, ROOT, recordErrors } from './harness';
import { enterSettings, retrainWidgetSelector, trainUntilDone, waitForControls } from '../../scripts/browser/retrain-widget';
import { type SentResponse, serveStatic, type StaticServer } from '../../scripts/browser/static-server';

afterAll(disconnectBrowser);

/**
 * The page's download budgets, in bytes, served without transfer compression. The page itself
 * (HTML 0.31 MB) carries the ledger of claims (22 kB) and the reader's runs' chart data; all three
 * widgets together came to 7.02 MB with them, so the budget leaves 80 kB above that.
 */
const TRAIN_MLP_BUDGET = 4.5e6;
const ALL_WIDGETS_BUDGET = 7.1e6;
/** A flag name every tfjs-core build registers, and minifiers keep. */
const TFJS_MARKER = 'KEEP_INTERMEDIATE_TENSORS';

let server: StaticServer;
/** Every response the server sent, in order. */
const sent: SentResponse[] = [];

beforeAll(async () => {
  server = await serveStatic(join(ROOT, 'dist'), { onResponse: (r) => sent.push(r) });
});
afterAll(() => server.close());

const sum = (list: SentResponse[]) => list.reduce((n, f) => n + f.bytes, 0);
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

function describeSent(list: SentResponse[]): string {
  return list
    .filter((f) => f.bytes > 10_000)
    .map((f) => `${mb(f.bytes)} ${f.status} ${f.path}`)
    .join('\n');
}

/** A fresh browser context on this file's server, with console errors recorded. */
async function open(): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const browser = await connectBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = recordErrors(page);
  return { page, errors, close: () => context.close() };
}

async function trainToEnd(page: Page, id: string, trainSize: number): Promise<void> {
  const w = page.locator(retrainWidgetSelector(id));
  await waitForControls(w);
  await enterSettings(w, { trainSize, epochs: 1, batchSize: 128 });
  await trainUntilDone(w);
}

/** Distinct scripts served (page and workers) that contain TensorFlow.js code. */
async function tfjsScripts(list: SentResponse[]): Promise<string[]> {
  const scripts = [...new Set(list.filter((f) => f.status === 200 && /\.m?js$/.test(f.path)).map((f) => f.path))];
  const withTfjs: string[] = [];
  for (const path of scripts) {
    if ((await readFile(join(ROOT, 'dist', path), 'utf8')).includes(TFJS_MARKER)) withTfjs.push(path);
  }
  return withTfjs;
}

describe('downloads, served without transfer compression', () => {
  it(`pressing Train in the multi-layer widget fetches at most ${mb(TRAIN_MLP_BUDGET)} until training ends`, async () => {
    const opened = await open();
    const { page } = opened;
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const w = page.locator(retrainWidgetSelector('mlp'));
    await waitForControls(w);
    await page.waitForLoadState('networkidle');
    const mark = sent.length;
    await trainUntilDone(w);
    const train = sent.slice(mark);
    const bytes = sum(train);
    console.log(`Train in the multi-layer widget: ${mb(bytes)}\n${describeSent(train)}`);
    // The digits, the worker and the wasm binary must all be among them: the count is real.
    expect(train.some((f) => /browser-train\.bin\.gz$/.test(f.path))).toBe(true);
    expect(train.some((f) => /train-worker[^/]*\.js$/.test(f.path))).toBe(true);
    expect(train.some((f) => /\.wasm$/.test(f.path))).toBe(true);
    expect(bytes).toBeGreaterThan(1e6);
    expect(bytes).toBeLessThanOrEqual(TRAIN_MLP_BUDGET);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it(`using all three widgets fetches one copy of TensorFlow.js and at most ${mb(ALL_WIDGETS_BUDGET)} in all`, async () => {
    const opened = await open();
    const { page } = opened;
    const mark = sent.length;
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await trainToEnd(page, 'mlp', 1000);
    await trainToEnd(page, 'linear', 1000);
    const draw = page.locator('draw-digit');
    await draw.scrollIntoViewIfNeeded();
    await page.locator('draw-digit[data-state="ready"]').waitFor({ timeout: 30_000 });
    const pad = draw.locator('.draw-pad');
    const box = await pad.boundingBox();
    if (!box) throw new Error('pad not visible');
    for (const stroke of DIGITS[3]) {
      await page.mouse.move(box.x + stroke[0][0] * box.width, box.y + stroke[0][1] * box.height);
      await page.mouse.down();
      for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 4 });
      await page.mouse.up();
    }
    await expect.poll(() => draw.getAttribute('data-prediction')).not.toBeNull();
    await page.waitForLoadState('networkidle');
    const all = sent.slice(mark);
    const bytes = sum(all);
    console.log(`All three widgets, page load included: ${mb(bytes)}\n${describeSent(all)}`);
    expect(await tfjsScripts(all)).toHaveLength(1);
    expect(bytes).toBeGreaterThan(2e6);
    expect(bytes).toBeLessThanOrEqual(ALL_WIDGETS_BUDGET);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });
});

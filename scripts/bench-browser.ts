import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/browser/setup/chromium';
import { serveStatic } from '../test/browser/setup/static-server';
import { textTable } from './text-table';

const ROOT = resolve(import.meta.dirname, '..');

const BACKENDS = ['wasm', 'webgl', 'cpu'] as const;

interface Case {
  architecture: 'mlp' | 'linear';
  images: number;
}

/**
 * In-browser training throughput: drives the built site's retraining widget in headless
 * Chromium, once per backend and network, and reads the samples per second the worker measured
 * over its training steps. A backend that falls back to another is reported as unavailable.
 */
export async function benchBrowser({ quick }: { quick: boolean }): Promise<string> {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` before the browser benchmark');
  const cases: Case[] = [
    { architecture: 'mlp', images: quick ? 512 : 2048 },
    { architecture: 'linear', images: quick ? 2048 : 10000 },
  ];
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const rows: (string | number)[][] = [];
  try {
    for (const backend of BACKENDS) {
      for (const c of cases) {
        const page = await browser.newPage();
        try {
          const params = new URLSearchParams({ 'mlp.variant': c.architecture, 'mlp.n': String(c.images), 'mlp.epochs': '1', 'mlp.batch': '128', 'mlp.backend': backend });
          await page.goto(`${server.url}?${params}`);
          const result = await trainOnce(page);
          rows.push([backend, c.architecture, c.images, result.backend === backend ? result.samplesPerSecond : `unavailable (ran ${result.backend})`]);
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return textTable(['backend', 'network', 'images', 'samples/s'], rows);
}

async function trainOnce(page: Page): Promise<{ backend: string; samplesPerSecond: number }> {
  const widget = page.locator('retrain-widget#retrain-mlp');
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector<HTMLFieldSetElement>('retrain-widget#retrain-mlp fieldset')?.disabled === false);
  await widget.locator('button[data-action=train]').click();
  await page.waitForFunction(() => document.querySelector<HTMLElement>('retrain-widget#retrain-mlp')?.dataset.state === 'done', null, { timeout: 300_000 });
  const backendText = (await widget.locator('[data-role=backend]').textContent()) ?? '';
  return {
    backend: backendText.replace(/^.*backend: /, '').trim(),
    samplesPerSecond: Number(await widget.getAttribute('data-samples-per-second')),
  };
}

export default benchBrowser;

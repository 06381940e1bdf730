import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterSettings, retrainWidgetSelector, trainUntilDone, waitForControls } from '../../scripts/browser/retrain-widget';
import { connectBrowser, disconnectBrowser, ROOT, recordErrors } from './harness';
import { freePort } from './setup/free-port';
import { type StartedProcess, startProcess } from './setup/start-process';

let dev: StartedProcess | undefined;
let base = '';
/**
 * Vite's dependency cache for this server alone, empty at start: what a fresh clone's first
 * `npm run dev` has, and no other build or server shares it.
 */
const cacheDir = mkdtempSync(join(tmpdir(), 'dev-server-vite-'));

/** Starts `astro dev` on a free localhost port, with an empty dependency cache, and waits until it answers. */
beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}/`;
  // Its own process group, so that stopping it stops the esbuild service it starts too.
  dev = await startProcess(
    process.execPath,
    ['node_modules/astro/astro.js', 'dev', '--host', '127.0.0.1', '--port', String(port)],
    { name: 'astro dev', cwd: ROOT, detached: true, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', VITE_CACHE_DIR: cacheDir }, timeoutMs: 90_000, pollMs: 500 },
    async () => (await fetch(base)).ok,
  );
}, 120_000);

afterAll(async () => {
  await disconnectBrowser();
  dev?.stop();
  rmSync(cacheDir, { recursive: true, force: true });
});

// The dev server sends the .gz digit files with Content-Encoding: gzip, so this also covers the
// widget's path for hosts that do (the browser unpacks them; the widget only checks them).
describe('npm run dev', () => {
  it('serves a cross-origin isolated page whose widgets work from an empty dependency cache: the linear widget trains with no reload, the draw widget reads a digit', { timeout: 240_000 }, async () => {
    const browser = await connectBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = recordErrors(page);
      const response = await page.goto(base);
      expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
      expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

      const w = page.locator(retrainWidgetSelector('linear'));
      await waitForControls(w);
      await enterSettings(w, { trainSize: 5000, epochs: 1, batchSize: 16 });
      // A dependency Vite finds only when the worker starts makes it optimize it and reload the
      // page under the press: the mark would be gone, and the page's URL loaded again.
      let loads = 0;
      page.on('load', () => loads++);
      await page.evaluate(() => ((window as unknown as { beforeTrain: boolean }).beforeTrain = true));
      const output = () => dev?.output() ?? '';
      const logged = output().length;
      // Fails with the status line if training stops on a failure (the dev server's old failure mode).
      await trainUntilDone(w);
      expect(output().slice(logged)).not.toMatch(/new dependencies optimized|reloading/i);
      expect(loads).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { beforeTrain?: boolean }).beforeTrain)).toBe(true);
      const accuracy = Number(/([\d.]+)%/.exec((await w.locator('[data-role=test-accuracy]').textContent()) ?? '')?.[1]);
      expect(accuracy).toBeGreaterThan(80);
      expect(await w.locator('[data-role=backend]').textContent()).toMatch(/backend: wasm/);

      const draw = page.locator('draw-digit');
      await draw.scrollIntoViewIfNeeded();
      await page.locator('draw-digit[data-state="ready"]').waitFor({ timeout: 60_000 });
      await draw.locator('.draw-sample').click();
      await expect.poll(() => draw.getAttribute('data-prediction'), { timeout: 20_000 }).not.toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

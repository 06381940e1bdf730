import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, disconnectBrowser, ROOT, recordErrors } from './harness';
import { enterSettings, trainUntilDone, waitForControls } from '../../scripts/browser/retrain-widget';
import { serveStatic, type StaticServer } from '../../scripts/browser/static-server';

let server: StaticServer | undefined;

beforeAll(async () => {
  server = await serveStatic(join(ROOT, 'dist'), { bare: true });
});
afterAll(async () => {
  await server?.close();
  await disconnectBrowser();
});

/** Trains a retraining widget on its smallest setting through its own controls; returns its backend line. */
async function trainBriefly(widget: Locator): Promise<string> {
  await waitForControls(widget);
  await enterSettings(widget, { trainSize: 'min', epochs: 1 });
  await trainUntilDone(widget);
  return (await widget.locator('[data-role=backend]').textContent()) ?? '';
}

describe('on a host that sends no headers at all', () => {
  it('the server really sends none: no isolation, no policy, no caching', async () => {
    if (!server) throw new Error('server not started');
    const res = await fetch(server.url);
    for (const name of ['cross-origin-opener-policy', 'cross-origin-embedder-policy', 'content-security-policy', 'cache-control', 'etag']) {
      expect(res.headers.get(name), name).toBeNull();
    }
  });

  it('both retraining widgets still train, on one thread, and the meta policy still holds', { timeout: 600_000 }, async () => {
    if (!server) throw new Error('server not started');
    const browser = await connectBrowser();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.goto(server.url);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      const widgets = page.locator('retrain-widget');
      expect(await widgets.count()).toBe(2);
      for (let i = 0; i < 2; i++) {
        const said = await trainBriefly(widgets.nth(i));
        expect(said).toBe('TensorFlow.js backend: wasm, 1 thread (threads need a cross-origin isolated page)');
        expect(await widgets.nth(i).locator('[data-role=test-accuracy]').textContent()).toMatch(/\d/);
      }
      expect(errors).toEqual([]);
      // The <meta> policy applies without any header: an inline script put into the page does not run.
      const ran = await page.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.inlineRan = true';
        document.body.append(s);
        await new Promise((r) => setTimeout(r, 50));
        return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
      });
      expect(ran).toBe(false);
    } finally {
      await context.close();
    }
  });
});

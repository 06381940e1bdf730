import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, disconnectBrowser, ROOT, recordErrors } from './harness';
import { retrainWidgetSelector, trainUntilDone, waitForControls } from '../../scripts/browser/retrain-widget';
import { serveStatic, type StaticServer } from '../../scripts/browser/static-server';

const servers: { isolated?: StaticServer; plain?: StaticServer } = {};

beforeAll(async () => {
  servers.isolated = await serveStatic(join(ROOT, 'dist'), { crossOriginIsolated: true });
  servers.plain = await serveStatic(join(ROOT, 'dist'), { crossOriginIsolated: false });
});
afterAll(async () => {
  await Promise.all([servers.isolated?.close(), servers.plain?.close()]);
  await disconnectBrowser();
});

/** Trains the linear widget briefly on `server` and reads what its backend line and thread count say. */
async function trainOn(server: StaticServer | undefined): Promise<{ isolated: boolean; cores: number; threads: number; backend: string; errors: string[] }> {
  if (!server) throw new Error('server not started');
  const browser = await connectBrowser();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(`${server.url}?linear.n=300&linear.epochs=1`);
    const w = page.locator(retrainWidgetSelector('linear'));
    await waitForControls(w);
    await trainUntilDone(w, 120_000);
    return {
      isolated: await page.evaluate(() => crossOriginIsolated),
      cores: await page.evaluate(() => navigator.hardwareConcurrency),
      threads: Number(await w.getAttribute('data-threads')),
      backend: (await w.locator('[data-role=backend]').textContent()) ?? '',
      errors,
    };
  } finally {
    await context.close();
  }
}

describe('threads in the training worker', () => {
  it('run one per core (at most 4) when the host sends the isolation headers', async () => {
    const r = await trainOn(servers.isolated);
    expect(r.isolated).toBe(true);
    const want = Math.min(4, r.cores);
    expect(r.threads).toBe(want);
    expect(r.backend).toBe(`TensorFlow.js backend: wasm, ${want} thread${want > 1 ? 's' : ''}`);
    expect(r.errors).toEqual([]);
  });

  it('fall back to one thread without them, and the widget says why', async () => {
    const r = await trainOn(servers.plain);
    expect(r.isolated).toBe(false);
    expect(r.threads).toBe(1);
    expect(r.backend).toBe('TensorFlow.js backend: wasm, 1 thread (threads need a cross-origin isolated page)');
    expect(r.errors).toEqual([]);
  });
});

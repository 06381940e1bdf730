import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_POLICY, META_POLICY } from '../../src/site/csp';
import { DIGITS, type Stroke } from './digits';
import { connectBrowser, disconnectBrowser, loadAllImages, readManifest, ROOT } from './harness';
import { ensureBuiltWith } from './setup/ensure-build';
import { enterSettings, trainUntilDone, waitForControls } from '../../scripts/browser/retrain-widget';
import { serveStatic, type StaticServer } from '../../scripts/browser/static-server';

/** A build under a base path, in its own folder, as a project page on a shared host would be. */
const BASE_PATH = '/mnist-looks-for/';
const BASE_OUT = '.cache/dist-base';
const BASE_SITE = 'https://example.test';

/** What the page reported about its Content-Security-Policy while a test drove it. */
interface CspLog {
  /** `securitypolicyviolation` events of the page. */
  violations: string[];
  /** Console messages of the page and its workers about the policy (Chromium logs every refusal). */
  console: string[];
}

const servers: { dist?: StaticServer; base?: StaticServer } = {};

beforeAll(async () => {
  ensureBuiltWith(ROOT, BASE_OUT, { BASE_PATH, SITE_URL: BASE_SITE });
  servers.dist = await serveStatic(join(ROOT, 'dist'), { headersFile: join(ROOT, 'dist/_headers') });
  servers.base = await serveStatic(join(ROOT, BASE_OUT), { headersFile: join(ROOT, BASE_OUT, '_headers'), basePath: BASE_PATH });
}, 600_000);
afterAll(async () => {
  await Promise.all([servers.dist?.close(), servers.base?.close()]);
  await disconnectBrowser();
});

const CSP_TEXT = /content.security.policy|refused to/i;

/** Opens the article at `url` with every policy report recorded from the first byte on. */
async function openRecorded(url: string): Promise<{ page: Page; context: BrowserContext; log: CspLog; errors: string[] }> {
  const browser = await connectBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const log: CspLog = { violations: [], console: [] };
  const errors: string[] = [];
  await context.exposeFunction('reportCspViolation', (text: string) => log.violations.push(text));
  await context.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
    document.addEventListener('securitypolicyviolation', (e) =>
      report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber} (${e.sample})`),
    );
  });
  const page = await context.newPage();
  const onConsole = (where: string) => (msg: { type(): string; text(): string }) => {
    if (CSP_TEXT.test(msg.text())) log.console.push(`${where}: ${msg.text()}`);
    else if (msg.type() === 'error') errors.push(`${where}: ${msg.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('worker', (w) => w.on('console', onConsole(`worker ${w.url()}`)));
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, log, errors };
}

/** Scrolls from top to bottom a screen at a time, then waits for every image. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.round(innerHeight * 0.8);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 40));
    }
  });
  await loadAllImages(page);
}

/** Opens the tile viewer on the first node of the big network's layer-2 sheet and waits for its top digits. */
async function openTileViewer(page: Page): Promise<void> {
  const sheet = readManifest()
    .variants.find((v) => v.id === 'mlp-60k')
    ?.layers[1].sheets.find((s) => s.display === 'minmax')?.path;
  const zoom = page.locator(`.sheet[data-sheet="${sheet}"] tile-zoom`);
  await zoom.scrollIntoViewIfNeeded();
  await zoom.locator('.zoom-open').click();
  await expect.poll(() => zoom.locator('dialog .zoom-top-list img').count()).toBeGreaterThan(0);
  await zoom.locator('dialog .zoom-next').click();
  await page.keyboard.press('Escape');
}

async function draw(page: Page, pad: Locator, strokes: Stroke[]): Promise<void> {
  const box = await pad.boundingBox();
  if (!box) throw new Error('drawing pad not visible');
  for (const stroke of strokes) {
    const [x0, y0] = stroke[0];
    await page.mouse.move(box.x + x0 * box.width, box.y + y0 * box.height);
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 3 });
    await page.mouse.up();
  }
}

/** Draws a digit with every model the draw widget offers, then asks it for an MNIST digit. */
async function useDrawWidget(page: Page): Promise<string[]> {
  const widget = page.locator('draw-digit').first();
  await widget.scrollIntoViewIfNeeded();
  const models = await widget.locator('input[type=radio]:not([disabled])').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  for (const model of models) {
    await widget.locator(`input[value="${model}"]`).check();
    await widget.and(page.locator(`[data-model="${model}"][data-state="ready"]`)).waitFor({ timeout: 30_000 });
    await widget.locator('.draw-clear').click();
    await draw(page, widget.locator('.draw-pad'), DIGITS[3]);
    await expect.poll(() => widget.getAttribute('data-prediction')).not.toBeNull();
    await widget.locator('.draw-sample').click();
    await widget.locator('.draw-show-pictures').click();
  }
  return models;
}

/**
 * Trains one retraining widget briefly on each backend its backend menu offers (the reader's
 * own control, so a backend added later is covered too), then downloads the model.
 * Returns what the widget said about each backend.
 */
async function useRetrainWidget(page: Page, widget: Locator): Promise<string[]> {
  await waitForControls(widget);
  const backends = await widget.locator('select[name=backend] option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter((v) => v !== 'auto'));
  const said: string[] = [];
  for (const backend of backends) {
    await enterSettings(widget, { backend, trainSize: 'min', epochs: 1 });
    // Generous: on a shared two-core machine the cpu backend alone can take minutes.
    await trainUntilDone(widget, 300_000);
    said.push(`${backend}: ${await widget.locator('[data-role=backend]').textContent()}`);
  }
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await widget.locator('button[data-action=download]').click();
  await expect.poll(() => downloads.length, { timeout: 15_000 }).toBe(2);
  return said;
}

for (const which of ['dist', 'base'] as const) {
  const label = which === 'dist' ? 'dist/ (its _headers applied)' : `a build under ${BASE_PATH} (its _headers applied)`;
  describe(`Content-Security-Policy on ${label}`, () => {
    it('is in the page as a meta element and in the header with frame-ancestors', async () => {
      const server = servers[which];
      if (!server) throw new Error('server not started');
      const res = await fetch(server.url);
      expect(res.headers.get('content-security-policy')).toBe(HEADER_POLICY);
      const html = await res.text();
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replaceAll('&#39;', "'");
      expect(meta).toBe(META_POLICY);
      // Before anything that loads: first in the head after the charset.
      expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<link'));
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style\b/);
      expect(html).not.toMatch(/<[a-z][^>]*\sstyle="/);
    });

    it('gives every element whose style attribute the build moved the same computed style as the attribute would', async () => {
      const server = servers[which];
      if (!server) throw new Error('server not started');
      const { page, context } = await openRecorded(server.url);
      try {
        // For each moved rule, the computed value of each of its properties, then the same with
        // the declaration set inline through the CSSOM (which the policy allows): they must agree.
        const mismatches = await page.evaluate(() => {
          const out: string[] = [];
          const rules = [...document.styleSheets]
            .flatMap((sheet) => [...sheet.cssRules])
            .filter((r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText.startsWith('.sa-'));
          if (rules.length === 0) out.push('no moved style rules found');
          for (const rule of rules) {
            for (const el of document.querySelectorAll<HTMLElement>(rule.selectorText)) {
              for (const prop of [...rule.style]) {
                const moved = getComputedStyle(el).getPropertyValue(prop);
                el.style.setProperty(prop, rule.style.getPropertyValue(prop));
                const inline = getComputedStyle(el).getPropertyValue(prop);
                el.style.removeProperty(prop);
                if (moved !== inline) out.push(`${rule.selectorText} ${prop}: ${moved} instead of ${inline}`);
              }
            }
          }
          return out;
        });
        expect(mismatches).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(
      'reports no violation through load, scroll, the tile viewer, drawing, retraining on every backend and a download',
      { timeout: 1_800_000 },
      async () => {
        const server = servers[which];
        if (!server) throw new Error('server not started');
        const { page, context, log, errors } = await openRecorded(server.url);
        try {
          expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
          await scrollThrough(page);
          await openTileViewer(page);
          const models = await useDrawWidget(page);
          expect(models.length).toBeGreaterThanOrEqual(3);
          const widgets = page.locator('retrain-widget');
          const said: string[] = [];
          for (let i = 0; i < (await widgets.count()); i++) said.push(...(await useRetrainWidget(page, widgets.nth(i))));
          console.log(`${label}: drew with ${models.join(', ')}; trained ${said.join('; ')}`);
          // The threaded build ran: its pool of blob: workers was allowed by the worker's policy.
          expect(said.some((s) => /wasm, [2-9] threads/.test(s))).toBe(true);
          expect(log.violations).toEqual([]);
          expect(log.console).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      },
    );
  });
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_DIR } from '../../src/lib/generated-dir';
import type { Manifest } from '../../src/lib/manifest';
import { topDigitsOf } from '../../src/lib/top-digit-file';
import { disconnectBrowser, openPage, readManifest, ROOT } from './harness';

afterAll(disconnectBrowser);

/** The labels the index file gives node `node` (0-based) of `layer` of `variant`, strongest first. */
function expectedLabels(m: Manifest, variant: string, layer: number, node: number): string[] {
  const entry = m.variants.find((v) => v.id === variant)?.topDigits;
  if (!entry) throw new Error(`${variant} has no top digits`);
  const bytes = new Uint8Array(readFileSync(resolve(ROOT, GENERATED_DIR, entry.path)));
  const offset = entry.layers.filter((l) => l.index < layer).reduce((n, l) => n + l.nodes, 0);
  const total = entry.layers.reduce((n, l) => n + l.nodes, 0);
  return topDigitsOf(bytes, total, entry.k, entry.sprite.tiles, offset + node, entry.path).map((d) => String(d.label));
}

describe('effective templates in the article', () => {
  it('shows the cosine of every digit and mlp model as the manifest has it', async () => {
    const m = readManifest();
    const opened = await openPage();
    try {
      const table = opened.page.locator('table[data-effective-cosines]');
      const shown = await table.locator('td[data-cosine]').allTextContents();
      const models = m.variants.filter((v) => v.effective);
      expect(models.map((v) => v.id)).toEqual(['mlp-500', 'mlp-60k']);
      // Row by row: digit 0 for each model, then digit 1, ..., then the means.
      const expected = [...Array(10).keys()].flatMap((d) => models.map((v) => (v.effective?.cosine[d] ?? NaN).toFixed(2)));
      expect(shown.slice(0, 20)).toEqual(expected);
      for (const v of models) {
        for (const sheet of [v.effective?.composedSheet, v.effective?.effectiveSheet]) {
          const img = opened.page.locator(`.sheet[data-sheet="${sheet?.path}"] img`);
          expect(await img.count()).toBe(1);
          expect(await img.getAttribute('alt')).toMatch(/signed display.*one scale shared by the composed and effective sheets/);
        }
      }
      expect(opened.consoleErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe('the tile viewer shows a node’s top digits', () => {
  for (const width of [360, 1280]) {
    it(`at ${width} px: nine images beside the node, alt text their labels, reachable by keyboard`, async () => {
      const m = readManifest();
      const opened = await openPage({ viewport: { width, height: width === 360 ? 740 : 900 } });
      const { page } = opened;
      try {
        const sheetPath = m.variants.find((v) => v.id === 'mlp-60k')?.layers[1].sheets.find((s) => s.display === 'minmax')?.path;
        const zoom = page.locator(`.sheet[data-sheet="${sheetPath}"] tile-zoom`);
        await zoom.scrollIntoViewIfNeeded();
        // Nothing is fetched before the viewer opens.
        expect(opened.requests.filter((r) => r.includes('/top-digits/'))).toEqual([]);
        await zoom.locator('.zoom-open').click();
        const dialog = zoom.locator('dialog');
        const images = dialog.locator('.zoom-top-list img');
        await expect.poll(() => images.count()).toBe(9);
        expect(await images.evaluateAll((els) => els.map((e) => (e as HTMLImageElement).alt))).toEqual(expectedLabels(m, 'mlp-60k', 2, 0));
        // Beside the node: the list starts to the right of the enlarged node, at the same height.
        const view = await dialog.locator('.zoom-view').boundingBox();
        const list = await dialog.locator('.zoom-top-list').boundingBox();
        if (!view || !list) throw new Error('viewer has no box');
        expect(list.x).toBeGreaterThanOrEqual(view.x + view.width - 1);
        expect(Math.abs(list.y - view.y)).toBeLessThan(view.height);
        expect(list.x + list.width).toBeLessThanOrEqual(width);
        // Every digit is drawn (not blank) and takes keyboard focus.
        const drawn = await images.evaluateAll((els) => els.map((e) => (e as HTMLImageElement).naturalWidth));
        expect(drawn.every((w) => w === 28)).toBe(true);
        await images.first().focus();
        expect(await page.evaluate(() => (document.activeElement as HTMLImageElement | null)?.alt)).toBe(expectedLabels(m, 'mlp-60k', 2, 0)[0]);
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('.zoom-top-list') !== null)).toBe(true);
        // The next node gets its own digits.
        await dialog.locator('.zoom-next').click();
        await expect
          .poll(() => images.evaluateAll((els) => els.map((e) => (e as HTMLImageElement).alt).join(',')))
          .toBe(expectedLabels(m, 'mlp-60k', 2, 1).join(','));
        expect(opened.consoleErrors).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }
});

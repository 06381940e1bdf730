import { afterAll, describe, expect, it } from 'vitest';
import { formatAccuracy, formatPercent, formatSigned } from '../../src/present/format';
import { type BehaviourMetric, behaviourValue } from '../../src/lib/behaviour-values';
import type { Manifest, VariantEntry } from '../../src/lib/manifest';
import { disconnectBrowser, loadAllImages, openPage, readManifest } from './harness';

afterAll(disconnectBrowser);

function variant(m: Manifest, id: string): VariantEntry {
  const v = m.variants.find((x) => x.id === id);
  if (!v) throw new Error(`no variant ${id}`);
  return v;
}

/** Mean, lowest and highest over a variant's seeds, read independently of the site's helpers. */
function spread(v: VariantEntry, metric: BehaviourMetric): number[] {
  const values = v.seeds.map((s) => {
    if (!s.behaviour) throw new Error(`${v.id} seed ${s.seed} has no behaviour tests`);
    return behaviourValue(s.behaviour, metric, v.id);
  });
  return [values.reduce((a, b) => a + b, 0) / values.length, Math.min(...values), Math.max(...values)];
}

describe('the behaviour section', () => {
  it('draws each shift chart as an accessible SVG whose table holds the manifest’s numbers', async () => {
    const m = readManifest();
    const opened = await openPage();
    try {
      const charts = opened.page.locator('[data-shift-chart]');
      expect(await charts.count()).toBeGreaterThan(0);
      for (const chart of await charts.all()) {
        const ids = (await chart.getAttribute('data-shift-chart'))?.split(',') ?? [];
        const svgs = chart.locator('svg.chart');
        expect(await svgs.count()).toBeGreaterThan(0);
        for (const svg of await svgs.all()) {
          expect(await svg.getAttribute('role')).toBe('img');
          expect((await svg.locator('title').textContent())?.length).toBeGreaterThan(10);
          const desc = (await svg.locator('desc').textContent()) ?? '';
          // Every network named, and the description is what aria-labelledby points at.
          expect(desc).toMatch(/mean over seeds/);
          expect(await svg.locator('.series').count()).toBe(ids.length);
          const labelled = (await svg.getAttribute('aria-labelledby'))?.split(' ') ?? [];
          expect(labelled).toHaveLength(2);
        }
        // The numbers: one row per network and offset, overall accuracy then per digit.
        for (const table of await chart.locator('table[data-axis]').all()) {
          const axis = (await table.getAttribute('data-axis')) as 'rows' | 'columns';
          const digits = ((await table.getAttribute('data-digits')) ?? '').split(',').filter(Boolean).map(Number);
          const cells = await table.locator('tbody tr').evaluateAll((rows) =>
            rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.firstChild?.textContent?.trim() ?? '')),
          );
          const expected = ids.flatMap((id) => {
            const v = variant(m, id);
            const offsets = (v.seeds[0].behaviour?.shift[axis] ?? []).map((e) => e.offset);
            return offsets.map((offset) =>
              [undefined, ...digits].map((digit) => formatAccuracy(spread(v, { metric: 'shiftAccuracy', axis, offset, ...(digit === undefined ? {} : { digit }) })[0])),
            );
          });
          expect(cells).toEqual(expected);
        }
      }
      expect(opened.consoleErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('quotes the erase and plant measures as the manifest has them', async () => {
    const m = readManifest();
    const opened = await openPage();
    try {
      const table = opened.page.locator('table[data-behaviour-table]');
      expect(await table.count()).toBe(1);
      const ids = ((await table.getAttribute('data-behaviour-table')) ?? '').split(',');
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((r) => ({ metric: r.getAttribute('data-metric') ?? '', region: r.getAttribute('data-region') ?? '', cells: [...r.querySelectorAll('td')].map((td) => td.firstChild?.textContent?.trim() ?? '') })),
      );
      const byMetric = rows.filter((r) => r.metric !== 'testAccuracy');
      expect(byMetric.length).toBeGreaterThanOrEqual(13);
      for (const r of byMetric) {
        const metric = (r.metric === 'erasedAllAccuracy' ? { metric: r.metric } : { metric: r.metric, region: r.region }) as BehaviourMetric;
        const text = (x: number) => (r.metric === 'flipShare' ? formatPercent(x, 2) : r.metric === 'probabilityChange' ? formatSigned(x * 100, 2) : formatAccuracy(x));
        expect(r.cells, `${r.metric} ${r.region}`).toEqual(ids.map((id) => text(spread(variant(m, id), metric)[0])));
      }
      // The prose's behaviour numbers name what they show.
      const quoted = await opened.page.$$eval('[data-behaviour]', (els) => els.map((el) => el.getAttribute('data-behaviour') ?? ''));
      expect(quoted.length).toBeGreaterThan(0);
    } finally {
      await opened.close();
    }
  });

  it('shows the effective templates on their own scale, drawn by the site', async () => {
    const opened = await openPage();
    try {
      await loadAllImages(opened.page);
      const img = opened.page.locator('.sheet[data-sheet^="figures/"] img');
      expect(await img.count()).toBeGreaterThan(0);
      for (const one of await img.all()) {
        const [natural, width, alt] = await one.evaluate((i: HTMLImageElement) => [i.naturalWidth, Number(i.getAttribute('width')), i.alt] as const);
        expect(natural).toBe(width);
        expect(alt).toMatch(/own scale, not shared with the composed sheet/);
      }
      expect(opened.failedRequests).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

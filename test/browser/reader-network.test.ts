import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeWidgetRecipe } from '../../scripts/bench/widget-recipe-node';
import { lastReaderRun, retrainWidgetSelector, waitForControls, type WidgetRun } from '../../scripts/browser/retrain-widget';
import { isBehaviourRowMetric, runRowText } from '../../src/present/behaviour-cells';
import { formatAccuracy } from '../../src/present/format';
import { movedAccuracy } from '../../src/present/shift-chart';
import { GENERATED_DIR } from '../../src/lib/generated-dir';
import type { BehaviourEntry } from '../../src/lib/manifest';
import { defaultSettings } from '../../src/live/settings';
import { disconnectBrowser, openPage, readManifest, ROOT } from './harness';

afterAll(disconnectBrowser);

const WIDGET = retrainWidgetSelector('mlp');
const CHART = '[data-shift-chart]';
const SHOTS = process.env.READER_SHOTS;

/** What the same recipe gives in Node at the widget's defaults, seed 1, digits moved up to 2 px. */
let nodeMoved: BehaviourEntry;

beforeAll(async () => {
  const manifest = readManifest();
  nodeMoved = await nodeWidgetRecipe(resolve(ROOT, GENERATED_DIR), manifest.browserData, { ...defaultSettings('mlp', manifest.browserData.train.count), maxShift: 2 });
}, 600_000);

/** Chooses a move of the training digits and presses Train, by keyboard only; waits for the tests' results. */
async function trainByKeyboard(page: Page, maxShift: number): Promise<WidgetRun> {
  const widget = page.locator(WIDGET);
  await waitForControls(widget);
  const select = widget.locator('select[name=maxShift]');
  await select.focus();
  const current = Number(await select.inputValue());
  for (let k = current; k !== maxShift; k += maxShift > k ? 1 : -1) await page.keyboard.press(maxShift > current ? 'ArrowDown' : 'ArrowUp');
  expect(await select.inputValue()).toBe(String(maxShift));
  expect(new URL(page.url()).searchParams.get('mlp.shift')).toBe(String(maxShift));
  // Tab on to the Train button.
  for (let tabs = 0; tabs < 12; tabs++) {
    if (await widget.locator('button[data-action=train]').evaluate((b) => b === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  expect(await widget.locator('button[data-action=train]').evaluate((b) => b === document.activeElement)).toBe(true);
  const before = await widget.getAttribute('data-behaviour-seconds');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ([s, was]) => {
      const w = document.querySelector<HTMLElement>(s);
      return w?.dataset.state === 'done' && w.dataset.behaviourSeconds !== undefined && w.dataset.behaviourSeconds !== was;
    },
    [WIDGET, before] as const,
    { timeout: 300_000 },
  );
  const run = await lastReaderRun(widget);
  if (!run) throw new Error('the widget reported no tests');
  return run;
}

/** The texts of a reader run's rows in the chart's table for `axis`: per offset, all digits then each digit's column. */
function tableTexts(page: Page, axis: 'rows' | 'columns', series: string): Promise<{ offset: number; cells: string[] }[]> {
  return page.evaluate(
    ([sel, a, s]) =>
      Array.from(document.querySelectorAll<HTMLTableRowElement>(`${sel} table[data-axis=${a}] tr[data-series="${s}"]`)).map((tr) => ({
        offset: Number(tr.dataset.offset),
        cells: Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? ''),
      })),
    [CHART, axis, series] as const,
  );
}

/** Checks that the chart's table, its lines and the erase and plant table show the worker's numbers for a run. */
async function expectShown(page: Page, series: string, run: WidgetRun): Promise<void> {
  const digitsOf = (axis: string) => page.evaluate(([sel, a]) => document.querySelector<HTMLElement>(`${sel} table[data-axis=${a}]`)?.dataset.digits ?? '', [CHART, axis] as const);
  for (const axis of ['rows', 'columns'] as const) {
    const digits = (await digitsOf(axis)).split(',').filter(Boolean).map(Number);
    const want = run.behaviour.shift[axis].map((e) => ({ offset: e.offset, cells: [e.accuracy, ...digits.map((d) => e.perClassAccuracy[d])].map(formatAccuracy) }));
    expect(await tableTexts(page, axis, series)).toEqual(want);
  }
  const panels = await page.locator(`${CHART} svg.chart`).count();
  expect(await page.locator(`${CHART} svg.chart g.series[data-series="${series}"] path.marker`).count()).toBe(panels * 7);
  const column = await page.evaluate(
    (s) =>
      Array.from(document.querySelectorAll<HTMLTableRowElement>('table[data-behaviour-table] tbody tr')).map((tr) => ({
        metric: tr.dataset.metric ?? '',
        region: tr.dataset.region,
        text: tr.querySelector(`td[data-series="${s}"]`)?.textContent ?? null,
      })),
    series,
  );
  expect(column.length).toBeGreaterThan(0);
  for (const c of column) {
    if (!isBehaviourRowMetric(c.metric)) throw new Error(`the erase and plant table has a row of unknown metric "${c.metric}"`);
    expect(c.text, `${c.metric} ${c.region ?? ''}`).toBe(runRowText(run.behaviour, c.metric, c.region ?? undefined, series));
  }
}

/** ±2 px accuracy as the chart's table shows it (the mean of its four cells at ±2 rows and columns). */
async function shownMoved2(page: Page, series: string): Promise<number> {
  let sum = 0;
  for (const axis of ['rows', 'columns'] as const) {
    for (const r of await tableTexts(page, axis, series)) if (Math.abs(r.offset) === 2) sum += Number.parseFloat(r.cells[0]) / 100;
  }
  return sum / 4;
}

describe("the reader's network in the article's tests", () => {
  it('at 1280 px: a run at 2 px puts a line on the chart as Node computes it, a run at 0 px a second, far lower at 2 px; both can be cleared', async () => {
    const opened = await openPage();
    const { page } = opened;
    const moved = await trainByKeyboard(page, 2);
    expect(moved.settings).toMatchObject({ maxShift: 2, seed: 1 });
    await expectShown(page, 'reader-1', moved);
    const chartMoved = await shownMoved2(page, 'reader-1');
    console.log(`seed 1, 2 px: page ${(chartMoved * 100).toFixed(1)}% at ±2 px, worker ${(movedAccuracy(moved.behaviour, 2) * 100).toFixed(1)}%, Node ${(movedAccuracy(nodeMoved, 2) * 100).toFixed(1)}%; tests took ${moved.seconds.toFixed(2)} s`);
    expect(Math.abs(chartMoved - movedAccuracy(nodeMoved, 2))).toBeLessThanOrEqual(0.03);
    expect(await page.locator(`${CHART} [data-role=reader-summary]`).getAttribute('aria-live')).toBe('polite');
    expect(await page.locator(`${CHART} [data-role=reader-summary]`).textContent()).toContain('your network trained on digits moved up to 2 px (seed 1) goes from');

    const centred = await trainByKeyboard(page, 0);
    expect(centred.settings.maxShift).toBe(0);
    await expectShown(page, 'reader-2', centred);
    await expectShown(page, 'reader-1', moved);
    const chartCentred = await shownMoved2(page, 'reader-2');
    console.log(`seed 1, 0 px: page ${(chartCentred * 100).toFixed(1)}% at ±2 px`);
    expect(chartCentred).toBeLessThanOrEqual(chartMoved - 0.05);
    expect(await page.locator(`${CHART} .legend li.reader`).allTextContents()).toEqual([
      'Your network: digits moved up to 2 px, seed 1, 10,000 images × 1 epoch',
      'Your network: centred digits, seed 1, 10,000 images × 1 epoch',
    ]);
    if (SHOTS) {
      await page.locator(CHART).scrollIntoViewIfNeeded();
      await page.locator(CHART).screenshot({ path: `${SHOTS}/chart-1280.png` });
    }

    const clear = page.locator(`${CHART} button[data-action=clear-reader-runs]`);
    await clear.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator(`${CHART} g.series.reader`).count()).toBe(0);
    expect(await page.locator(`${CHART} tr.reader, table[data-behaviour-table] .reader-col`).count()).toBe(0);
    expect(await clear.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-role'))).toBe('reader-summary');
    expect(opened.consoleErrors).toEqual([]);
    await opened.close();
  }, 600_000);

  it('at 360 px: the chart with your line fits the screen and keeps its numbers', async () => {
    const opened = await openPage({ viewport: { width: 360, height: 740 } });
    const { page } = opened;
    const run = await trainByKeyboard(page, 2);
    await expectShown(page, 'reader-1', run);
    await page.locator(CHART).scrollIntoViewIfNeeded();
    const widths = await page.evaluate((sel) => {
      const chart = document.querySelector(sel) as HTMLElement;
      return { page: document.documentElement.scrollWidth, charts: Array.from(chart.querySelectorAll('svg.chart'), (s) => s.getBoundingClientRect().right) };
    }, CHART);
    expect(widths.page).toBeLessThanOrEqual(360);
    for (const right of widths.charts) expect(right).toBeLessThanOrEqual(360);
    expect(Math.abs((await shownMoved2(page, 'reader-1')) - movedAccuracy(nodeMoved, 2))).toBeLessThanOrEqual(0.03);
    if (SHOTS) await page.locator(CHART).screenshot({ path: `${SHOTS}/chart-360.png` });
    expect(opened.consoleErrors).toEqual([]);
    await opened.close();
  }, 600_000);
});

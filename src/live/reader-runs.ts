import { isBehaviourRowMetric, runRowText } from '../present/behaviour-cells';
import { escapeMarkup } from '../present/markup';
import {
  legendMarkup,
  MAX_READER_SERIES,
  type MovedAccuracy,
  panelFrame,
  readerStyle,
  runPoints,
  seriesLinesText,
  seriesMarkup,
  SHIFT_RANGE,
  type ShiftPanel,
  type ShiftSeries,
  tableRowsMarkup,
} from '../present/shift-chart';
import { type ReaderRun, readerRunLabel, readerSummary } from './reader-summary';

/**
 * The reader's own networks beside the article's: the last few runs of the retraining widgets,
 * drawn into the page's shift charts (a line each, their numbers in the chart's table, a sentence
 * against the article's networks) and into the erase and plant tables (a column each). Shared by
 * every widget on the page; loaded with them, not with the page.
 */

const runs: ReaderRun[] = [];

/** Adds a run (dropping the oldest beyond the last few) and redraws the page's charts and tables. */
export function addReaderRun(run: ReaderRun, doc: Document = document): void {
  runs.push(run);
  runs.splice(0, Math.max(0, runs.length - MAX_READER_SERIES));
  showReaderRuns(doc);
}

/** Removes every run from the page: the charts and tables go back to the article's networks alone. */
export function clearReaderRuns(doc: Document = document): void {
  runs.splice(0);
  showReaderRuns(doc);
}

/** The id of the first shift chart on the page (set here when it has none), for a link to it; null without one. */
export function shiftChartId(doc: Document = document): string | null {
  const chart = doc.querySelector<HTMLElement>('[data-shift-chart]');
  if (!chart) return null;
  chart.id ||= 'shift-chart';
  return chart.id;
}

function readerSeries(panels: readonly ShiftPanel[]): ShiftSeries[] {
  return runs.map((r, i) => ({
    id: `reader-${i + 1}`,
    label: readerRunLabel(r.settings),
    style: readerStyle(i),
    points: panels.map((p) => runPoints(r.behaviour, p)),
  }));
}

function showReaderRuns(doc: Document): void {
  for (const chart of doc.querySelectorAll<HTMLElement>('[data-shift-chart]')) drawChart(chart);
  for (const table of doc.querySelectorAll<HTMLTableElement>('table[data-behaviour-table]')) fillBehaviourTable(table);
}

/**
 * Adds the runs' lines to a built chart (its frame, 0-100%, holds any accuracy), their values to
 * each panel's description, their legend items and their table rows; the article's stay as built.
 */
function drawChart(chart: HTMLElement): void {
  const svgs = Array.from(chart.querySelectorAll<SVGSVGElement>('svg.chart'));
  const panels: ShiftPanel[] = svgs.map((svg) => ({
    axis: svg.dataset.axis === 'columns' ? 'columns' : 'rows',
    ...(svg.dataset.digit ? { digit: Number(svg.dataset.digit) } : {}),
  }));
  const series = readerSeries(panels);
  svgs.forEach((svg, k) => {
    svg.querySelectorAll('g.series.reader').forEach((g) => g.remove());
    const desc = svg.querySelector<SVGDescElement>('desc');
    if (desc) {
      desc.dataset.built ??= desc.textContent ?? '';
      desc.textContent = series.length ? `${desc.dataset.built} ${seriesLinesText(panels[k], series, k)}` : desc.dataset.built;
    }
    if (series.length === 0) return;
    const frame = panelFrame(series[0].points[k].map((p) => p.x), SHIFT_RANGE);
    svg.insertAdjacentHTML('beforeend', seriesMarkup(series, k, frame));
  });
  const legend = chart.querySelector('.legend');
  legend?.querySelectorAll('li.reader').forEach((li) => li.remove());
  legend?.insertAdjacentHTML('beforeend', legendMarkup(series));
  for (const table of chart.querySelectorAll<HTMLTableElement>('table[data-axis]')) {
    const axis = table.dataset.axis === 'rows' ? 'rows' : 'columns';
    const digits = (table.dataset.digits ?? '').split(',').filter(Boolean).map(Number);
    table.querySelectorAll('tr.reader').forEach((tr) => tr.remove());
    const body = table.tBodies[0];
    for (const s of series) body.insertAdjacentHTML('beforeend', tableRowsMarkup(s, panels, axis, digits));
  }
  const article = JSON.parse(chart.dataset.articleMoved ?? '[]') as MovedAccuracy[];
  const summary = chart.querySelector<HTMLElement>('[data-role=reader-summary]');
  if (summary) {
    summary.textContent = readerSummary(runs, article);
  }
  const clear = chart.querySelector<HTMLElement>('.reader-clear');
  const button = clear?.querySelector<HTMLButtonElement>('[data-action=clear-reader-runs]');
  if (clear && button) {
    clear.hidden = runs.length === 0;
    if (!button.dataset.wired) {
      button.dataset.wired = '1';
      button.addEventListener('click', () => {
        clearReaderRuns(chart.ownerDocument);
        // The button hides: leave the focus, and a word on what happened, on the summary.
        if (summary) {
          summary.textContent = 'Your networks are cleared from the chart and the tables.';
          summary.tabIndex = -1;
          summary.focus();
        }
      });
    }
  }
}

function fillBehaviourTable(table: HTMLTableElement): void {
  table.querySelectorAll('.reader-col').forEach((cell) => cell.remove());
  const head = table.tHead?.rows[0];
  runs.forEach((r, i) => {
    const label = readerRunLabel(r.settings);
    head?.insertAdjacentHTML('beforeend', `<th scope="col" class="n reader-col" data-series="reader-${i + 1}">${escapeMarkup(label)}</th>`);
    for (const row of table.tBodies[0]?.rows ?? []) {
      const metric = row.dataset.metric ?? '';
      if (!isBehaviourRowMetric(metric)) continue;
      const text = runRowText(r.behaviour, metric, row.dataset.region, label);
      row.insertAdjacentHTML('beforeend', `<td class="n reader-col" data-series="reader-${i + 1}">${escapeMarkup(text)}</td>`);
    }
  });
}

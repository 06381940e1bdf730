import { isBehaviourRowMetric, runRowText } from '../components/data/behaviour-cells';
import { escapeMarkup } from '../components/data/shift-chart';
import {
  legendMarkup,
  MAX_READER_SERIES,
  type PackedChartData,
  panelMarkup,
  readerStyle,
  runPoints,
  sharedRange,
  type ShiftChartData,
  type ShiftSeries,
  tableRowsMarkup,
  unpackChartData,
} from '../components/data/shift-chart';
import { type ReaderRun, readerRunLabel, readerSummary } from './reader-summary';

/**
 * The reader's own networks beside the article's: the last few runs of the retraining widgets,
 * drawn into the page's shift charts (a line each, their numbers in the chart's table, a sentence
 * against the article's networks) and into the erase and plant tables (a column each). Shared by
 * every widget on the page; loaded with them, not with the page.
 */

const runs: ReaderRun[] = [];

/** The runs shown, oldest first. */
export function readerRuns(): readonly ReaderRun[] {
  return runs;
}

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

function readerSeries(data: ShiftChartData): ShiftSeries[] {
  return runs.map((r, i) => ({
    id: `reader-${i + 1}`,
    label: readerRunLabel(r.settings),
    style: readerStyle(i),
    points: data.panels.map((p) => runPoints(r.behaviour, p)),
  }));
}

function showReaderRuns(doc: Document): void {
  for (const chart of doc.querySelectorAll<HTMLElement>('[data-shift-chart][data-chart]')) drawChart(chart);
  for (const table of doc.querySelectorAll<HTMLTableElement>('table[data-behaviour-table]')) fillBehaviourTable(table);
}

function drawChart(chart: HTMLElement): void {
  const data = unpackChartData(JSON.parse(chart.dataset.chart ?? '') as PackedChartData);
  const series = [...data.series, ...readerSeries(data)];
  const range = sharedRange(series);
  chart.querySelectorAll<SVGSVGElement>('svg.chart').forEach((svg, k) => {
    svg.innerHTML = panelMarkup(data.panels[k], k, series, range, data.ids[k]);
  });
  const legend = chart.querySelector('.legend');
  if (legend) legend.innerHTML = legendMarkup(series);
  for (const table of chart.querySelectorAll<HTMLTableElement>('table[data-axis]')) {
    const axis = table.dataset.axis === 'rows' ? 'rows' : 'columns';
    const digits = (table.dataset.digits ?? '').split(',').filter(Boolean).map(Number);
    table.querySelectorAll('tr.reader').forEach((tr) => tr.remove());
    const body = table.tBodies[0];
    for (const s of readerSeries(data)) body.insertAdjacentHTML('beforeend', tableRowsMarkup(s, data.panels, axis, digits));
  }
  const summary = chart.querySelector<HTMLElement>('[data-role=reader-summary]');
  if (summary) {
    summary.textContent = readerSummary(runs, data);
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
  chart.dataset.readerRuns = String(runs.length);
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

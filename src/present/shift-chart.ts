import type { BehaviourEntry } from '../lib/manifest';
import { formatAccuracy, upperFirst } from './format';
import { escapeMarkup, rangeMarkup } from './markup';
import { bandPath, type BandPoint, type ChartFrame, linePath, round, ticks, xAt, yAt } from './line-chart';

/**
 * The shift chart's data, geometry and markup (accuracy on the test set moved −3..+3 rows or
 * columns), as pure functions of its series: the build draws the article's networks with them,
 * and the page redraws the same chart with them when a reader's own networks join it. Markup comes
 * as strings, so that both draw exactly the same SVG and table rows.
 */

export type ShiftAxis = 'rows' | 'columns';

/** One chart: accuracy against shift along `axis`, over all test images or one digit's. */
export interface ShiftPanel {
  axis: ShiftAxis;
  digit?: number;
}

export type MarkerKind = 'circle' | 'square' | 'triangle' | 'diamond';

/** How a line looks: its colour class, dash pattern and marker. */
export interface SeriesStyle {
  /** CSS class that sets the colour, e.g. `s0` (an article network) or `r1` (a reader's run). */
  className: string;
  dash: string;
  marker: MarkerKind;
  /**
   * A reader's run: one network, so no seed band or range, and its markup classed `reader` for the
   * page to find and replace. Otherwise an article's network, the mean over several seeds.
   */
  reader: boolean;
}

/** One network's line in every panel: `points[k]` belongs to panel k. */
export interface ShiftSeries {
  /** The manifest's variant id, or `reader-n` for a reader's run. */
  id: string;
  label: string;
  style: SeriesStyle;
  points: BandPoint[][];
}

const MARKERS: readonly MarkerKind[] = ['circle', 'square', 'triangle', 'diamond'];
const DASHES = ['', '7 4', '2 3', '10 3 2 3'];
/** At most this many article networks per chart: each gets its own colour, dash and marker. */
const MAX_BUILT_SERIES = 4;
/** At most this many reader runs at once: each gets its own dash and marker in the text colour. */
export const MAX_READER_SERIES = 3;

/** The style of the article's i-th network. */
export function builtStyle(i: number): SeriesStyle {
  if (i >= MAX_BUILT_SERIES) throw new Error(`shift chart: at most ${MAX_BUILT_SERIES} networks, not ${i + 1}`);
  return { className: `s${i}`, dash: DASHES[i], marker: MARKERS[i], reader: false };
}

/** The style of the reader's i-th run shown (0 the oldest). */
export function readerStyle(i: number): SeriesStyle {
  if (i >= MAX_READER_SERIES) throw new Error(`shift chart: at most ${MAX_READER_SERIES} of your runs, not ${i + 1}`);
  return { className: `r${i}`, dash: ['', '5 3', '1.5 2.5'][i], marker: (['square', 'diamond', 'circle'] as const)[i], reader: true };
}

/** Chart size in SVG units. */
export const CHART_WIDTH = 320;
export const CHART_HEIGHT = 232;

/** One panel's points of a single run's behaviour tests (no seed band: min = max = mean). */
export function runPoints(behaviour: BehaviourEntry, panel: ShiftPanel): BandPoint[] {
  return behaviour.shift[panel.axis].map((e) => {
    const v = panel.digit === undefined ? e.accuracy : e.perClassAccuracy[panel.digit];
    return { x: e.offset, mean: v, min: v, max: v };
  });
}

/**
 * The mean of a line's accuracy at the four moves of `n` pixels (up, down, left and right), from
 * its all-digits points along each axis; `missing` words the error when a move has no point.
 */
function meanOfMoves(points: (axis: ShiftAxis) => readonly BandPoint[] | undefined, n: number, missing: (axis: ShiftAxis, x: number) => string): number {
  const at = (axis: ShiftAxis, x: number) => {
    const point = points(axis)?.find((p) => p.x === x);
    if (!point) throw new Error(missing(axis, x));
    return point.mean;
  };
  return (at('rows', -n) + at('rows', n) + at('columns', -n) + at('columns', n)) / 4;
}

/**
 * Accuracy of a run with the test set moved `n` pixels, averaged over the four moves (up, down,
 * left and right); `n` = 0 is the unmoved test set.
 */
export function movedAccuracy(behaviour: BehaviourEntry, n: number): number {
  return meanOfMoves((axis) => runPoints(behaviour, { axis }), n, (axis, x) => `the behaviour tests have no shift of ${x} ${axis}`);
}

/**
 * The accuracy range every panel shares, 0 to 100%: heights compare across panels, and a reader's
 * network, however it fares, fits the frame the build drew, so the page adds its line without
 * redrawing the article's.
 */
export const SHIFT_RANGE = { yMin: 0, yMax: 1 } as const;

/** The plot frame of a panel whose offsets are `xs`. */
export function panelFrame(xs: readonly number[], range: { yMin: number; yMax: number }): ChartFrame {
  return { width: CHART_WIDTH, height: CHART_HEIGHT, left: 42, right: 10, top: 26, bottom: 38, xMin: Math.min(...xs), xMax: Math.max(...xs), ...range };
}

/** "−2", "0", "+3". */
export const signedOffset = (x: number) => (x > 0 ? `+${x}` : x < 0 ? `\u2212${-x}` : '0');
/** "unmoved", "2 up", "3 right". */
export const offsetWords = (axis: ShiftAxis, x: number) =>
  x === 0 ? 'unmoved' : `${Math.abs(x)} ${axis === 'rows' ? (x > 0 ? 'down' : 'up') : x > 0 ? 'right' : 'left'}`;
/** "moved up (−) or down (+)". */
export const axisWords = (axis: ShiftAxis) => (axis === 'rows' ? 'moved up (−) or down (+)' : 'moved left (−) or right (+)');
const whose = (digit?: number) => (digit === undefined ? 'all test digits' : `the ${digit}s`);

/** A panel's heading: "All test digits, moved up (−) or down (+)". */
export function panelHeading(panel: ShiftPanel): string {
  return `${upperFirst(whose(panel.digit))}, ${axisWords(panel.axis)}`;
}

/** Each line's values in panel `k`, for the panel's description: "label: 98.1% 3 up, …". */
export function seriesLinesText(panel: ShiftPanel, series: readonly ShiftSeries[], k: number): string {
  return series.map((s) => `${s.label}: ${s.points[k].map((p) => `${formatAccuracy(p.mean)} ${offsetWords(panel.axis, p.x)}`).join(', ')}.`).join(' ');
}

/** A panel's text description for screen readers: the axes, then every line's values. */
export function panelDescription(panel: ShiftPanel, frame: ChartFrame, series: readonly ShiftSeries[], k: number): string {
  const xs = series[0].points[k].map((p) => p.x);
  const bands = series.some((s) => !s.style.reader) ? ' Each line of the article’s networks is the mean over seeds; a shaded band spans the lowest to the highest seed.' : '';
  return (
    `Line chart of accuracy (vertical axis, ${formatAccuracy(frame.yMin)} to ${formatAccuracy(frame.yMax)}) against the shift in pixels ` +
    `(horizontal axis, ${xs[0]} to +${xs[xs.length - 1]}) for ${whose(panel.digit)}. ${seriesLinesText(panel, series, k)}${bands}`
  );
}

/** An SVG path of a marker centred on (atX, atY). */
export function markerPath(kind: MarkerKind, atX: number, atY: number): string {
  const r = 3.4;
  const [x, y] = [round(atX), round(atY)];
  switch (kind) {
    case 'circle':
      return `M${round(x - r)} ${y} a${r} ${r} 0 1 0 ${2 * r} 0 a${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
    case 'square':
      return `M${round(x - r)} ${round(y - r)} h${2 * r} v${2 * r} h${-2 * r} Z`;
    case 'triangle':
      return `M${x} ${round(y - r * 1.2)} L${round(x + r * 1.15)} ${round(y + r)} L${round(x - r * 1.15)} ${round(y + r)} Z`;
    case 'diamond':
      return `M${x} ${round(y - r * 1.3)} L${round(x + r * 1.3)} ${y} L${x} ${round(y + r * 1.3)} L${round(x - r * 1.3)} ${y} Z`;
  }
}

const dashAttr = (dash: string) => (dash ? ` stroke-dasharray="${dash}"` : '');
/** A line's classes: its colour class, and `reader` for a reader's run. */
const styleClasses = (style: SeriesStyle) => (style.reader ? `${style.className} reader` : style.className);

/** Ids of a panel's title and description, which its `aria-labelledby` names. */
export interface PanelIds {
  title: string;
  desc: string;
}

/**
 * The inside of panel `k`'s SVG: title, description, heading, ticks, axis label and one group per
 * series (band, line, markers), drawn on the frame every panel shares.
 */
export function panelMarkup(panel: ShiftPanel, k: number, series: readonly ShiftSeries[], ids: PanelIds): string {
  const xs = series[0].points[k].map((p) => p.x);
  const f = panelFrame(xs, SHIFT_RANGE);
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const out = [
    `<title id="${ids.title}">${escapeMarkup(`Accuracy of ${panelHeading(panel).toLowerCase()}`)}</title>`,
    `<desc id="${ids.desc}">${escapeMarkup(panelDescription(panel, f, series, k))}</desc>`,
    `<text class="heading" x="0" y="13">${escapeMarkup(panelHeading(panel))}</text>`,
  ];
  for (const t of ticks(f.yMin, f.yMax)) {
    const y = round(yAt(f, t));
    out.push(`<g class="tick"><line x1="${f.left}" x2="${W - f.right}" y1="${y}" y2="${y}"></line><text x="${f.left - 5}" y="${round(yAt(f, t) + 4)}" text-anchor="end">${Math.round(t * 100)}%</text></g>`);
  }
  for (const x of xs) {
    const at = round(xAt(f, x));
    out.push(
      `<g class="tick x${x === 0 ? ' zero' : ''}"><line x1="${at}" x2="${at}" y1="${f.top}" y2="${H - f.bottom}"></line><text x="${at}" y="${H - f.bottom + 14}" text-anchor="middle">${signedOffset(x)}</text></g>`,
    );
  }
  out.push(`<text class="axis-label" x="${(f.left + W - f.right) / 2}" y="${H - 6}" text-anchor="middle">${panel.axis === 'rows' ? 'pixels moved: − up, + down' : 'pixels moved: − left, + right'}</text>`);
  out.push(seriesMarkup(series, k, f));
  return out.join('');
}

/** The lines of panel `k` on frame `f`: one group per series (band, line, markers). */
export function seriesMarkup(series: readonly ShiftSeries[], k: number, f: ChartFrame): string {
  return series
    .map((s) => {
      const points = s.points[k];
      const parts = [`<g class="series ${styleClasses(s.style)}" data-series="${escapeMarkup(s.id)}">`];
      if (!s.style.reader) parts.push(`<path class="band" d="${bandPath(f, points)}"></path>`);
      parts.push(`<path class="line" d="${linePath(f, points)}"${dashAttr(s.style.dash)}></path>`);
      for (const p of points) parts.push(`<path class="marker" d="${markerPath(s.style.marker, xAt(f, p.x), yAt(f, p.mean))}"></path>`);
      parts.push('</g>');
      return parts.join('');
    })
    .join('');
}

/** The legend's items: a sample of each line and its label. */
export function legendMarkup(series: readonly ShiftSeries[]): string {
  return series
    .map(
      (s) =>
        `<li class="${s.style.reader ? 'reader' : ''}"><svg viewBox="0 0 40 12" width="40" height="12" aria-hidden="true" class="${styleClasses(s.style)}"><line x1="2" y1="6" x2="38" y2="6"${dashAttr(s.style.dash)}></line><path d="${markerPath(s.style.marker, 20, 6)}"></path></svg><span>${escapeMarkup(s.label)}</span></li>`,
    )
    .join('');
}

/** The panels whose numbers a table for `axis` holds: the all-digits panel, then each digit's, in digit order. */
export function tableDigits(panels: readonly ShiftPanel[], axis: ShiftAxis): number[] {
  return [...new Set(panels.filter((p) => p.axis === axis && p.digit !== undefined).map((p) => p.digit as number))].sort((a, b) => a - b);
}

/**
 * A series' rows of the table for `axis`: one per offset, a cell for all digits and one per digit
 * of `digits`, each the mean with the seed range below it (the range only for the article's networks).
 */
export function tableRowsMarkup(series: ShiftSeries, panels: readonly ShiftPanel[], axis: ShiftAxis, digits: readonly number[]): string {
  const panelOf = (digit?: number) => {
    const k = panels.findIndex((p) => p.axis === axis && p.digit === digit);
    if (k < 0) throw new Error(`shift chart: no ${axis} panel for ${digit === undefined ? 'all digits' : `the ${digit}s`}`);
    return k;
  };
  const columns = [undefined, ...digits].map(panelOf);
  const offsets = series.points[columns[0]].map((p) => p.x);
  return offsets
    .map((x, row) => {
      const head = row === 0 ? `<th scope="rowgroup" rowspan="${offsets.length}">${escapeMarkup(series.label)}</th>` : '';
      const cells = columns
        .map((k) => {
          const p = series.points[k][row];
          const range = series.style.reader ? '' : rangeMarkup(p, formatAccuracy);
          return `<td class="n">${formatAccuracy(p.mean)}${range}</td>`;
        })
        .join('');
      const classes = [row === 0 ? 'first' : '', series.style.reader ? 'reader' : ''].filter(Boolean).join(' ');
      // Only a reader's rows carry their series and offset: the page finds them to replace them.
      const data = series.style.reader ? ` data-series="${escapeMarkup(series.id)}" data-offset="${x}"` : '';
      return `<tr${classes ? ` class="${classes}"` : ''}${data}>${head}<th scope="row" class="n">${signedOffset(x)}</th>${cells}</tr>`;
    })
    .join('');
}

/** The move the sentence on a reader's networks compares at: the moved-digit network's own training range. */
export const SUMMARY_SHIFT = 2;

/** A network's accuracy unmoved and moved some pixels, as the sentence on a reader's networks quotes it. */
export interface MovedAccuracy {
  id: string;
  unmoved: number;
  moved: number;
}

/**
 * A series' accuracy unmoved and moved `n` pixels (the mean of its four moves), from its all-digits
 * rows and columns panels.
 */
export function seriesMovedAccuracy(panels: readonly ShiftPanel[], series: ShiftSeries, n: number): MovedAccuracy {
  const points = (axis: ShiftAxis) => series.points[panels.findIndex((p) => p.axis === axis && p.digit === undefined)];
  const missing = (axis: ShiftAxis, x: number) => `shift chart: ${series.id} has no ${axis} point at ${x}`;
  return { id: series.id, unmoved: meanOfMoves(points, 0, missing), moved: meanOfMoves(points, n, missing) };
}

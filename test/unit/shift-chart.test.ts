import { describe, expect, it } from 'vitest';
import { runRowText, runRowValue } from '../../src/present/behaviour-cells';
import {
  builtStyle,
  legendMarkup,
  movedAccuracy,
  panelDescription,
  panelFrame,
  panelMarkup,
  readerStyle,
  runPoints,
  seriesLinesText,
  seriesMarkup,
  seriesMovedAccuracy,
  SHIFT_RANGE,
  type ShiftPanel,
  type ShiftSeries,
  tableDigits,
  tableRowsMarkup,
} from '../../src/present/shift-chart';
import type { BehaviourEntry } from '../../src/lib/manifest';
import { defaultSettings } from '../../src/live/settings';
import { readerRunLabel, readerSummary } from '../../src/live/reader-summary';

const OFFSETS = [-3, -2, -1, 0, 1, 2, 3];
/** A run whose accuracy falls by `drop` per pixel moved along rows and twice that along columns; the 6s always right. */
function behaviour(unmoved: number, drop: number): BehaviourEntry {
  const entry = (scale: number) => (offset: number) => {
    const accuracy = unmoved - drop * scale * Math.abs(offset);
    return { offset, accuracy, perClassAccuracy: Array.from({ length: 10 }, (_, d) => (d === 6 ? 1 : accuracy)) };
  };
  return {
    erase: [
      { region: 'bottom-left', digit: 7, inked: 12, accuracy: 0.75, erasedAccuracy: 0.5 },
      { region: 'top', digit: 6, inked: 0, accuracy: null, erasedAccuracy: null },
    ],
    erasedAllAccuracy: 0.61,
    plant: [
      { region: 'bottom-left', digit: 7, flipShare: 0.0123, meanProbabilityChange: -0.0456 },
      { region: 'top', digit: 6, flipShare: 0.2, meanProbabilityChange: 0.1 },
    ],
    shift: { rows: OFFSETS.map(entry(1)), columns: OFFSETS.map(entry(2)) },
  };
}

const panels: ShiftPanel[] = [{ axis: 'rows' }, { axis: 'columns' }, { axis: 'rows', digit: 6 }];
const built: ShiftSeries = {
  id: 'mlp-60k',
  label: 'RMSprop (Keras)',
  style: builtStyle(0),
  points: panels.map(() => OFFSETS.map((x) => ({ x, mean: 0.9 - 0.1 * Math.abs(x), min: 0.85 - 0.1 * Math.abs(x), max: 0.95 - 0.1 * Math.abs(x) }))),
};
const run = behaviour(0.9, 0.1);
const reader: ShiftSeries = { id: 'reader-1', label: 'Your network', style: readerStyle(0), points: panels.map((p) => runPoints(run, p)) };
const ids = { title: 't1', desc: 'd1' };

describe('shift chart data', () => {
  it("reads a run's points per panel, all digits or one digit's, without a band", () => {
    expect(runPoints(run, { axis: 'columns' }).map((p) => p.mean)).toEqual(OFFSETS.map((x) => 0.9 - 0.2 * Math.abs(x)));
    expect(runPoints(run, { axis: 'rows', digit: 6 }).every((p) => p.mean === 1 && p.min === 1 && p.max === 1)).toBe(true);
  });

  it('averages a run over the four moves of n pixels; 0 is the unmoved set', () => {
    expect(movedAccuracy(run, 0)).toBeCloseTo(0.9, 12);
    // rows lose 0.2 at 2 px, columns 0.4: the mean of 0.7, 0.7, 0.5, 0.5.
    expect(movedAccuracy(run, 2)).toBeCloseTo(0.6, 12);
    expect(() => movedAccuracy(run, 4)).toThrow(/no shift of -4 rows/);
  });

  it('draws the same built lines whatever joins them', () => {
    const alone = panelMarkup(panels[0], 0, [built], ids);
    const both = panelMarkup(panels[0], 0, [built, reader], ids);
    const group = (markup: string) => markup.match(/<g class="series s0"[^]*?<\/g>/)?.[0];
    expect(group(alone)).toBeDefined();
    expect(group(both)).toBe(group(alone));
    // The reader's line has no band and the reader's style; the page adds it as the build would.
    expect(both).toContain('<g class="series r0 reader" data-series="reader-1"><path class="line"');
    expect(both.match(/class="band"/g)).toHaveLength(1);
    expect(both.endsWith(seriesMarkup([reader], 0, panelFrame(OFFSETS, SHIFT_RANGE)))).toBe(true);
    // The frame runs from 0 to 100%: 0% at the bottom of the plot (y 194), 100% at its top (y 26).
    expect(both).toContain('<line x1="42" x2="310" y1="194" y2="194"></line><text x="37" y="198" text-anchor="end">0%</text>');
    expect(both).toContain('<line x1="42" x2="310" y1="26" y2="26"></line><text x="37" y="30" text-anchor="end">100%</text>');
  });

  it("describes every line's values for screen readers, and escapes markup", () => {
    const f = panelFrame(OFFSETS, SHIFT_RANGE);
    const text = panelDescription(panels[1], f, [built, reader], 1);
    expect(text).toContain('Your network: 30.0% 3 left, 50.0% 2 left');
    expect(text).toContain('(vertical axis, 0.0% to 100.0%)');
    expect(text).toContain(seriesLinesText(panels[1], [reader], 1));
    const odd = { ...reader, label: 'a <b> & "c"' };
    expect(panelMarkup(panels[0], 0, [odd], ids)).toContain('a &lt;b&gt; &amp; &quot;c&quot;: ');
    expect(legendMarkup([built, odd])).toContain('<span>a &lt;b&gt; &amp; &quot;c&quot;</span>');
  });

  it("writes a series' table rows: mean and seed range for the article's, the mean alone for a run", () => {
    expect(tableDigits(panels, 'rows')).toEqual([6]);
    expect(tableDigits(panels, 'columns')).toEqual([]);
    const builtRows = tableRowsMarkup(built, panels, 'rows', [6]);
    expect(builtRows.match(/<tr[ >]/g)).toHaveLength(7);
    expect(builtRows).toContain('<tr class="first"><th scope="rowgroup" rowspan="7">RMSprop (Keras)</th><th scope="row" class="n">−3</th><td class="n">60.0%<span class="range">55.0% to 65.0%</span></td>');
    expect(builtRows).toContain('<tr><th scope="row" class="n">−2</th>');
    const readerRows = tableRowsMarkup(reader, panels, 'columns', []);
    expect(readerRows).toContain('<tr class="reader" data-series="reader-1" data-offset="2"><th scope="row" class="n">+2</th><td class="n">50.0%</td></tr>');
    expect(readerRows).toContain('<tr class="first reader" data-series="reader-1" data-offset="-3">');
    expect(() => tableRowsMarkup(reader, panels, 'columns', [7])).toThrow(/no columns panel for the 7s/);
  });

  it("gives a series' accuracy unmoved and moved n pixels, the mean of its four moves", () => {
    const twice = { ...built, points: [built.points[0], built.points[1].map((p) => ({ ...p, mean: p.mean - 0.1 * Math.abs(p.x) })), built.points[2]] };
    expect(seriesMovedAccuracy(panels, twice, 2)).toEqual({ id: 'mlp-60k', unmoved: 0.9, moved: expect.closeTo(0.6, 12) });
  });

  it('gives each line its own style, and refuses more lines than it has styles', () => {
    expect(new Set([0, 1, 2, 3].map((i) => builtStyle(i).marker)).size).toBe(4);
    expect(new Set([0, 1, 2].map((i) => readerStyle(i).dash)).size).toBe(3);
    expect(() => builtStyle(4)).toThrow(/at most 4/);
    expect(() => readerStyle(3)).toThrow(/at most 3/);
  });
});

describe("the erase and plant table's cells of a run", () => {
  it('reads each row as the manifest rows read, and says when no owner image inks the region', () => {
    expect(runRowValue(run, 'testAccuracy', undefined, 'run')).toBeCloseTo(0.9, 12);
    expect(runRowText(run, 'erasedAccuracy', 'bottom-left', 'run')).toBe('50.0%');
    expect(runRowText(run, 'flipShare', 'bottom-left', 'run')).toBe('1.23%');
    expect(runRowText(run, 'probabilityChange', 'bottom-left', 'run')).toBe('−4.56');
    expect(runRowText(run, 'erasedAllAccuracy', undefined, 'run')).toBe('61.0%');
    expect(runRowText(run, 'ownerAccuracy', 'top', 'run')).toBe('no image');
    expect(() => runRowValue(run, 'flipShare', 'nowhere', 'my run')).toThrow(/my run has no plant entry for region "nowhere"/);
  });
});

describe("the sentence on the reader's runs", () => {
  const article = [
    { id: 'mlp-60k', unmoved: 0.9, moved: 0.7 },
    { id: 'mlp-60k-translated', unmoved: 0.91, moved: 0.9 },
  ];
  const settings = (maxShift: number) => ({ ...defaultSettings('mlp', 10000), maxShift });

  it('labels a run with its settings', () => {
    expect(readerRunLabel(settings(2))).toBe('Your network: digits moved up to 2 px, seed 1, 10,000 images × 1 epoch');
    expect(readerRunLabel({ ...defaultSettings('linear', 10000), seed: 3 })).toBe('Your network: 784-10, centred digits, seed 3, 10,000 images × 3 epochs');
  });

  it("sets each run's drop at 2 px, newest first, against the article's two networks", () => {
    const runs = [
      { settings: settings(0), behaviour: behaviour(0.9, 0.1), seconds: 1, backend: 'wasm' },
      { settings: settings(2), behaviour: behaviour(0.92, 0.01), seconds: 1, backend: 'wasm' },
    ];
    expect(readerSummary(runs, article)).toBe(
      'With the test digits moved 2 pixels (the mean over up, down, left and right), your network trained on digits moved up to 2 px (seed 1) goes from 92.0% to 89.0% (−3.0 points) ' +
        'and your network trained on centred digits (seed 1) goes from 90.0% to 60.0% (−30.0 points); ' +
        'the article’s network trained on centred digits goes from 90.0% to 70.0% (−20.0 points) and its network trained on moved digits goes from 91.0% to 90.0% (−1.0 points).',
    );
    expect(readerSummary([], article)).toBe('');
  });
});

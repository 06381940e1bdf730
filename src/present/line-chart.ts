/**
 * Geometry of a small static line chart (SVG drawn at build time): scales, ticks, and the paths of
 * a mean line and of the band between the lowest and highest seed.
 */

import { type ChartFrame, xAt, yAt } from '../lib/chart-scale';

// The shift chart (shift-chart.ts) reads the scale through this module, with the paths drawn on it.
export { type ChartFrame, xAt, yAt };

/** One point of a series: the mean over seeds at `x`, and the seed range. */
export interface BandPoint {
  x: number;
  mean: number;
  min: number;
  max: number;
}

/** An SVG coordinate to a tenth of a unit: finer is invisible and only makes the page heavier. */
export const round = (v: number) => Math.round(v * 10) / 10;

/** The mean line through the points, in x order: "M x y L x y …". */
export function linePath(f: ChartFrame, points: readonly BandPoint[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(xAt(f, p.x))} ${round(yAt(f, p.mean))}`).join(' ');
}

/** The closed band from each point's max, left to right, back along its min. */
export function bandPath(f: ChartFrame, points: readonly BandPoint[]): string {
  const upper = points.map((p) => `${round(xAt(f, p.x))} ${round(yAt(f, p.max))}`);
  const lower = [...points].reverse().map((p) => `${round(xAt(f, p.x))} ${round(yAt(f, p.min))}`);
  return `M${upper.join(' L')} L${lower.join(' L')} Z`;
}

/** Tick values from `yMin` to `yMax` at a round step that gives at most `most` ticks. */
export function ticks(yMin: number, yMax: number, most = 6): number[] {
  const steps = [0.05, 0.1, 0.2, 0.25, 0.5, 1];
  const step = steps.find((s) => (yMax - yMin) / s + 1 <= most) ?? (yMax - yMin) / (most - 1);
  const out: number[] = [];
  // `+ 0` turns the −0 of the first tick at zero into 0.
  for (let k = Math.ceil(yMin / step - 1e-9); k * step <= yMax + 1e-9; k++) out.push(Math.round(k * step * 1000) / 1000 + 0);
  return out;
}

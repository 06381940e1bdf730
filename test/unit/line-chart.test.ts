import { describe, expect, it } from 'vitest';
import { bandPath, linePath, ticks } from '../../src/present/line-chart';
import { type ChartFrame, xAt, yAt } from '../../src/lib/chart-scale';

/** A 100 × 100 plot area inset by 10 on every side, x from −1 to 1, y from 0 to 1. */
const frame: ChartFrame = { width: 120, height: 120, left: 10, right: 10, top: 10, bottom: 10, xMin: -1, xMax: 1, yMin: 0, yMax: 1 };

describe('line chart geometry', () => {
  it('maps data to the plot area, y upwards', () => {
    expect([xAt(frame, -1), xAt(frame, 0), xAt(frame, 1)]).toEqual([10, 60, 110]);
    expect([yAt(frame, 1), yAt(frame, 0.5), yAt(frame, 0)]).toEqual([10, 60, 110]);
  });

  it('draws the mean line and the band from max back along min', () => {
    const points = [
      { x: -1, mean: 0.5, min: 0.4, max: 0.6 },
      { x: 1, mean: 1, min: 0.9, max: 1 },
    ];
    expect(linePath(frame, points)).toBe('M10 60 L110 10');
    expect(bandPath(frame, points)).toBe('M10 50 L110 10 L110 20 L10 70 Z');
  });

  it('puts ticks at a round step, at most the number asked for', () => {
    expect(ticks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    // A step of 0.1 would give seven ticks: one too many.
    expect(ticks(0.4, 1)).toEqual([0.4, 0.6, 0.8, 1]);
    expect(ticks(0.8, 1)).toEqual([0.8, 0.85, 0.9, 0.95, 1]);
  });
});

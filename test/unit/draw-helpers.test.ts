import { describe, expect, it } from 'vitest';
import { formatProbability, ranking, summary } from '../../src/draw/bars';
import { arrowDirection, CENTRED, canStep, describeOffset, MAX_OFFSET, step } from '../../src/draw/offset';

describe('probability text', () => {
  it('rounds to whole percent and marks tiny values', () => {
    expect(formatProbability(0.873)).toBe('87%');
    expect(formatProbability(0.001)).toBe('<1%');
    expect(formatProbability(0)).toBe('0%');
    expect(formatProbability(1)).toBe('100%');
  });

  it('ranks classes and names the top two', () => {
    const probs = Float32Array.from([0.05, 0, 0.1, 0, 0, 0, 0, 0, 0.85, 0]);
    expect(ranking(probs).slice(0, 3)).toEqual([8, 2, 0]);
    expect(summary(probs)).toBe('The model reads an 8 (85%); next most likely 2 (10%).');
  });
});

describe('moving the input', () => {
  it('steps one pixel, down and right positive, and stops at the limit', () => {
    expect(step(CENTRED, 'Down')).toEqual({ dy: 1, dx: 0 });
    expect(step(CENTRED, 'Up')).toEqual({ dy: -1, dx: 0 });
    expect(step({ dy: 2, dx: 0 }, 'Left')).toEqual({ dy: 2, dx: -1 });
    expect(step({ dy: 0, dx: 3 }, 'Right')).toEqual({ dy: 0, dx: 4 });
    expect(MAX_OFFSET).toBe(4);
    expect(step({ dy: 0, dx: 4 }, 'Right')).toEqual({ dy: 0, dx: 4 });
    expect(step({ dy: -4, dx: 1 }, 'Up')).toEqual({ dy: -4, dx: 1 });
    expect(canStep({ dy: -4, dx: 1 }, 'Up')).toBe(false);
    expect(canStep({ dy: -4, dx: 1 }, 'Down')).toBe(true);
  });

  it('knows the arrow keys and nothing else', () => {
    expect(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].map(arrowDirection)).toEqual(['Up', 'Down', 'Left', 'Right']);
    expect(arrowDirection('Up')).toBeNull();
    expect(arrowDirection('Enter')).toBeNull();
    expect(arrowDirection('Arrow')).toBeNull();
  });

  it('says the offset in words', () => {
    expect(describeOffset(CENTRED)).toBe('Centred, not moved.');
    expect(describeOffset({ dy: 2, dx: -1 })).toBe('Moved 2 pixels down and 1 pixel left.');
    expect(describeOffset({ dy: -1, dx: 0 })).toBe('Moved 1 pixel up.');
    expect(describeOffset({ dy: 0, dx: 4 })).toBe('Moved 4 pixels right (4 is the most each way).');
  });
});

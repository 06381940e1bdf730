/**
 * Page functions, for any driver's evaluate: every `performance.measure` of one name the page
 * makes, where the page itself may keep only its latest.
 */

/** Records the duration of each measure named `name` the page makes from now on, for {@link recordedMeasures}. */
export function recordMeasures(name: string): void {
  const w = window as unknown as { recordedMeasures: number[] };
  w.recordedMeasures = [];
  new PerformanceObserver((list) => w.recordedMeasures.push(...list.getEntriesByName(name).map((e) => e.duration))).observe({ type: 'measure' });
}

/** The durations recorded so far, in ms, in the order made; null while there are fewer than `atLeast` (to wait on). */
export function recordedMeasures(atLeast = 0): number[] | null {
  const times = (window as unknown as { recordedMeasures: number[] }).recordedMeasures;
  return times.length >= atLeast ? times : null;
}

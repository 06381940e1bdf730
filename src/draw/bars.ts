/** Probability as the bars show it: whole percent, or "<1%" for small non-zero values. */
export function formatProbability(p: number): string {
  if (p > 0 && p < 0.005) return '<1%';
  return `${Math.round(p * 100)}%`;
}

/** Classes sorted by probability, most likely first. */
export function ranking(probs: ArrayLike<number>): number[] {
  return Array.from(probs, (_, i) => i).sort((a, b) => probs[b] - probs[a]);
}

/**
 * Updates the ten bar rows (`li[data-digit]` with `.draw-fill` and `.draw-value` inside) and
 * marks the top class; `null` empties them.
 */
export function showBars(rows: readonly HTMLElement[], probs: Float32Array | null): void {
  const top = probs ? ranking(probs)[0] : -1;
  rows.forEach((row, d) => {
    const p = probs ? probs[d] : 0;
    row.dataset.probability = probs ? String(p) : '';
    row.classList.toggle('draw-top', d === top);
    const fill = row.querySelector<HTMLElement>('.draw-fill');
    const value = row.querySelector<HTMLElement>('.draw-value');
    if (fill) fill.style.width = `${(p * 100).toFixed(1)}%`;
    if (value) value.textContent = probs ? formatProbability(p) : '–';
  });
}

/** One sentence for the live region: the top guess and the runner-up. */
export function summary(probs: Float32Array): string {
  const [first, second] = ranking(probs);
  return `The model reads ${first === 8 ? 'an' : 'a'} ${first} (${formatProbability(probs[first])}); next most likely ${second} (${formatProbability(probs[second])}).`;
}

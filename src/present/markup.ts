/**
 * Small markup strings written both by the build's components and by the page's scripts, so that
 * the two write the same HTML.
 */

/** Text escaped for HTML and SVG markup. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The lowest and highest seed of a value, set below its mean in a table cell: `<span class="range">min to max</span>`. */
export function rangeMarkup(spread: { min: number; max: number }, format: (value: number) => string): string {
  return `<span class="range">${escapeMarkup(format(spread.min))} to ${escapeMarkup(format(spread.max))}</span>`;
}

/**
 * How the article writes the pipeline's numbers. The browser tests use the same functions to
 * check that the page shows what the manifest holds.
 */

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A test accuracy (0-1) as a percentage with one decimal: 0.9241 -> "92.4%". */
export function formatAccuracy(fraction: number): string {
  return formatPercent(fraction);
}

/** A fraction (0-1) as a percentage with `digits` decimals: (0.0132, 1) -> "1.3%". */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A change of a probability or share (−1 to 1) in signed percentage points: 0.0161 -> "+1.6 points". */
export function formatPoints(change: number, digits = 1): string {
  return `${formatSigned(change * 100, digits)} points`;
}

/** A share (0-1) as a whole percentage, with "<1%" for small non-zero shares: 0.412 -> "41%". */
export function formatShare(fraction: number): string {
  if (fraction > 0 && fraction < 0.005) return '<1%';
  return `${Math.round(fraction * 100)}%`;
}

/** A count with thousands separators: 60000 -> "60,000". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** A signed value with an explicit sign and `digits` decimals: 1.234 -> "+1.23", -0.5 -> "−0.50". */
export function formatSigned(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value < 0 ? '\u2212' : '+'}${text}`;
}

/** A small list in prose: ["a", "b", "c"] -> "a, b and c". */
export function joinProse(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Seconds as "12 s" or "3.4 min". */
export function formatDuration(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${(seconds / 60).toFixed(1)} min`;
}

/** A count and a noun, plural unless the count is one: (5, "seed") -> "5 seeds". */
export function countOf(n: number, noun: string): string {
  return `${formatCount(n)} ${n === 1 ? noun : `${noun}s`}`;
}

/** The text with its first letter in upper case: "the output layer" -> "The output layer". */
export function upperFirst(text: string): string {
  return `${text[0].toUpperCase()}${text.slice(1)}`;
}

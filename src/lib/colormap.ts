/** An RGB colour, each channel 0-255. */
export type Rgb = readonly [number, number, number];

/**
 * Stops of the diverging map for signed weights, from most negative (blue) through a neutral
 * centre at zero to most positive (red). ColorBrewer's RdBu, reversed: readable for the common
 * forms of colour blindness.
 */
export const DIVERGING_STOPS: readonly Rgb[] = [
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
];

/** The colour for a signed value in [-1, 1]; 0 gives the centre stop exactly. */
export function diverging(value: number): Rgb {
  const v = Math.max(-1, Math.min(1, Number.isFinite(value) ? value : 0));
  const pos = ((v + 1) / 2) * (DIVERGING_STOPS.length - 1);
  const i = Math.min(Math.floor(pos), DIVERGING_STOPS.length - 2);
  const f = pos - i;
  const a = DIVERGING_STOPS[i];
  const b = DIVERGING_STOPS[i + 1];
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

/** A CSS linear-gradient for a legend of the diverging map, left = negative. */
export function divergingGradientCss(): string {
  const stops = DIVERGING_STOPS.map((c, i) => `rgb(${c.join(' ')}) ${((i / (DIVERGING_STOPS.length - 1)) * 100).toFixed(1)}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/**
 * Handwritten digits 0-9 as pointer strokes, the way a person draws them with a mouse. Points are
 * in pad units (0-1, y down); each shape is about 0.6 of the pad high and centred on it.
 */

export type Point = readonly [number, number];
export type Stroke = Point[];

/**
 * Points along an ellipse around (cx, cy) from angle `from` to `to` in degrees (0 = right,
 * 90 = down, so increasing angles run clockwise on screen).
 */
function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number, n = 28): Stroke {
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = ((from + ((to - from) * i) / n) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  });
}

const SHAPES: Record<number, Stroke[]> = {
  0: [arc(0.5, 0.5, 0.17, 0.29, -100, 265)],
  1: [[[0.53, 0.2], [0.51, 0.4], [0.49, 0.6], [0.47, 0.8]]],
  2: [[...arc(0.5, 0.35, 0.17, 0.15, 195, 395, 20), [0.42, 0.6], [0.31, 0.79], [0.5, 0.79], [0.71, 0.78]]],
  3: [[...arc(0.48, 0.34, 0.15, 0.13, 205, 450, 20), ...arc(0.48, 0.63, 0.18, 0.17, 270, 510, 22)]],
  4: [
    [[0.52, 0.2], [0.42, 0.38], [0.32, 0.58], [0.5, 0.58], [0.72, 0.57]],
    [[0.62, 0.32], [0.61, 0.56], [0.6, 0.82]],
  ],
  5: [[[0.66, 0.21], [0.5, 0.21], [0.38, 0.21], [0.36, 0.34], [0.35, 0.47], ...arc(0.5, 0.63, 0.18, 0.17, 225, 505, 24)]],
  6: [[[0.63, 0.2], [0.52, 0.28], [0.42, 0.42], [0.36, 0.58], ...arc(0.51, 0.65, 0.15, 0.14, 180, 530, 28)]],
  7: [[[0.3, 0.22], [0.5, 0.22], [0.71, 0.22], [0.6, 0.42], [0.52, 0.6], [0.46, 0.8]]],
  8: [arc(0.5, 0.35, 0.13, 0.14, 0, 360), arc(0.5, 0.65, 0.16, 0.16, 0, 360)],
  9: [[...arc(0.49, 0.36, 0.16, 0.15, 10, 370, 28), [0.64, 0.5], [0.63, 0.65], [0.62, 0.8]]],
};

/**
 * A hand is not a compass: each stroke gets a smooth wobble of about 1% of the pad, and each digit
 * its own size and a small offset from the centre. Deterministic, so a failure can be replayed.
 */
function byHand(digit: number, strokes: Stroke[]): Stroke[] {
  const scale = 0.9 + 0.03 * ((digit * 7) % 5);
  const dx = 0.04 * Math.sin(digit * 2.1);
  const dy = 0.04 * Math.cos(digit * 1.3);
  return strokes.map((stroke, s) =>
    stroke.map(([x, y], i) => {
      const phase = i * 0.9 + digit + s * 3;
      return [0.5 + (x - 0.5) * scale + dx + 0.01 * Math.sin(phase), 0.5 + (y - 0.5) * scale + dy + 0.01 * Math.cos(phase * 1.3)] as const;
    }),
  );
}

export const DIGITS: Record<number, Stroke[]> = Object.fromEntries(Object.entries(SHAPES).map(([d, strokes]) => [d, byHand(Number(d), strokes)]));

/** How far the reader may move the model's input from its centred place, in pixels each way. */
export const MAX_OFFSET = 4;

/** A whole-pixel move of the 28x28 input: `dy` rows down (negative: up), `dx` columns right. */
export interface Offset {
  dy: number;
  dx: number;
}

export const CENTRED: Offset = { dy: 0, dx: 0 };

/** The one-pixel step of each move direction; the arrow keys use the same names after "Arrow". */
export const STEPS = {
  Up: { dy: -1, dx: 0 },
  Down: { dy: 1, dx: 0 },
  Left: { dy: 0, dx: -1 },
  Right: { dy: 0, dx: 1 },
} as const satisfies Record<string, Offset>;

export type Direction = keyof typeof STEPS;

/** The direction of an arrow key (`KeyboardEvent.key`), or null for any other key. */
export function arrowDirection(key: string): Direction | null {
  const name = key.replace(/^Arrow/, '');
  return key.startsWith('Arrow') && name in STEPS ? (name as Direction) : null;
}

const clamp = (v: number) => Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, v));

/** `offset` moved one pixel in `direction`, held within ±MAX_OFFSET. */
export function step(offset: Offset, direction: Direction): Offset {
  const s = STEPS[direction];
  return { dy: clamp(offset.dy + s.dy), dx: clamp(offset.dx + s.dx) };
}

/** Whether one more step in `direction` would move the input. */
export function canStep(offset: Offset, direction: Direction): boolean {
  const next = step(offset, direction);
  return next.dy !== offset.dy || next.dx !== offset.dx;
}

function pixels(n: number): string {
  return `${n} pixel${n === 1 ? '' : 's'}`;
}

/** The offset in words, e.g. "Moved 2 pixels down and 1 pixel left." or "Centred, not moved." */
export function describeOffset({ dy, dx }: Offset): string {
  const parts = [dy !== 0 && `${pixels(Math.abs(dy))} ${dy > 0 ? 'down' : 'up'}`, dx !== 0 && `${pixels(Math.abs(dx))} ${dx > 0 ? 'right' : 'left'}`].filter(Boolean);
  if (parts.length === 0) return 'Centred, not moved.';
  const limit = Math.abs(dy) === MAX_OFFSET || Math.abs(dx) === MAX_OFFSET ? ` (${MAX_OFFSET} is the most each way)` : '';
  return `Moved ${parts.join(' and ')}${limit}.`;
}

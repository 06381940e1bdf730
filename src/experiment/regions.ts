import type { PixelRect, Region } from '../geometry/rect';

/**
 * Edge regions the article examines. Digits are centred by centre of mass, so top-heavy 7s and
 * 9s sit low on the canvas and bottom-heavy 6s sit high: few other digits reach these strips.
 */
export const EDGE_REGIONS: readonly Region[] = [
  { id: 'bottom-left', label: 'bottom-left strip', top: 26, bottom: 28, left: 0, right: 14 },
  { id: 'bottom-right', label: 'bottom-right corner', top: 25, bottom: 28, left: 18, right: 28 },
  { id: 'top', label: 'top strip', top: 0, bottom: 3, left: 8, right: 22 },
];

/** Each edge region and the digit that inks it most (the claims check the owners on every seed). */
export const EDGE_REGION_OWNERS = [
  { region: 'bottom-left', digit: 7 },
  { region: 'bottom-right', digit: 9 },
  { region: 'top', digit: 6 },
] as const;

/** An edge region, the digit that mostly inks it, and where the behaviour tests plant a block of ink. */
export interface EdgeProbe {
  region: Region;
  digit: number;
  /** The planted block: rows [top, bottom), columns [left, right), 0-based. */
  block: PixelRect;
}

/** The planted block of full ink in each edge region, inside the region and where its owner's strokes end. */
const PLANTED_BLOCKS: Record<string, PixelRect> = {
  'bottom-left': { top: 26, bottom: 28, left: 5, right: 9 },
  'bottom-right': { top: 25, bottom: 27, left: 21, right: 25 },
  top: { top: 0, bottom: 2, left: 13, right: 17 },
};

/** The edge regions with their owners and planted blocks, in `EDGE_REGIONS` order. */
export const EDGE_PROBES: readonly EdgeProbe[] = EDGE_REGIONS.map((region) => {
  const owner = EDGE_REGION_OWNERS.find((o) => o.region === region.id);
  const block = PLANTED_BLOCKS[region.id];
  if (!owner || !block) throw new Error(`edge region "${region.id}" has no owner digit or planted block`);
  return { region, digit: owner.digit, block };
});

/** Rows (then columns) the behaviour tests move the whole test set by; positive is down (right). */
export const SHIFT_OFFSETS: readonly number[] = [-3, -2, -1, 0, 1, 2, 3];

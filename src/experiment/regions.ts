import type { Region } from '../lib/ink';

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

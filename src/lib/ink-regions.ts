import type { Manifest, RegionEntry } from './manifest';

/** The region of the ink statistics with this id; throws naming the ids that exist. */
export function getRegion(manifest: Manifest, id: string): RegionEntry {
  const region = manifest.ink.regions.find((r) => r.id === id);
  if (!region) throw new Error(`ink region "${id}" is not in the manifest (it has ${manifest.ink.regions.map((r) => r.id).join(', ')})`);
  return region;
}

export interface DigitShare {
  digit: number;
  share: number;
}

/** The `n` digits with the largest share of the images that ink a region, largest first. */
export function topInkers(region: RegionEntry, n: number): DigitShare[] {
  return region.shareOfInkers
    .map((share, digit) => ({ digit, share }))
    .sort((a, b) => b.share - a.share)
    .slice(0, n);
}

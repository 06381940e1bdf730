import type { Manifest, RegionEntry, VariantEntry } from '../../lib/manifest';

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

/** Mean z-score with which a variant's output image for `digit` weights a region. */
export function edgeWeight(variant: VariantEntry, regionId: string, digit: number): number {
  const entry = variant.edgeWeights.find((e) => e.region === regionId);
  if (!entry) throw new Error(`${variant.id} has no edge weights for region "${regionId}"`);
  return entry.zScore[digit];
}

/** The digit whose output image weights a region most strongly, and that z-score. */
export function strongestDigit(variant: VariantEntry, regionId: string): { digit: number; zScore: number } {
  const entry = variant.edgeWeights.find((e) => e.region === regionId);
  if (!entry) throw new Error(`${variant.id} has no edge weights for region "${regionId}"`);
  let digit = 0;
  entry.zScore.forEach((z, d) => {
    if (z > entry.zScore[digit]) digit = d;
  });
  return { digit, zScore: entry.zScore[digit] };
}

import type { EffectiveEntry, VariantEntry } from '../../lib/manifest';

/** The effective-template measurements of an `mlp` variant; throws naming the variant when it has none. */
export function getEffective(variant: VariantEntry): EffectiveEntry {
  if (!variant.effective) throw new Error(`${variant.id} has no effective templates in the manifest (only mlp variants do)`);
  return variant.effective;
}

/**
 * The per-digit cosines of every training seed the manifest holds, `variants[].seeds[].effectiveCosine`
 * (each [10]), or the figure seed's alone when the manifest has no seeds yet. Read without
 * assuming the seeds field exists, so this works before and after the seed loop lands.
 */
export function cosineRuns(variant: VariantEntry): number[][] {
  const seeds: unknown = 'seeds' in variant ? variant.seeds : undefined;
  const runs = Array.isArray(seeds) ? seeds.map(seedCosine).filter((c): c is number[] => c !== null) : [];
  return runs.length > 0 ? runs : [getEffective(variant).cosine];
}

function seedCosine(seed: unknown): number[] | null {
  if (typeof seed !== 'object' || seed === null || !('effectiveCosine' in seed)) return null;
  const c: unknown = seed.effectiveCosine;
  return Array.isArray(c) && c.length === 10 && c.every((x) => typeof x === 'number') ? c : null;
}

/** The lowest and highest of `values`. */
export function range(values: readonly number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The effective template's z-score over an edge region for a digit (as `edgeWeight`, on the mean effective template). */
export function effectiveEdgeWeight(variant: VariantEntry, regionId: string, digit: number): number {
  const entry = getEffective(variant).edgeWeights.find((e) => e.region === regionId);
  if (!entry) throw new Error(`${variant.id} has no effective edge weights for region "${regionId}"`);
  return entry.zScore[digit];
}

/** Which of a digit's output images, or which summary, an effective measure is read for. */
export type EffectivePick = number | 'mean' | 'min' | 'max' | 'nodes';

/**
 * Cosine or strength (effective length over composed length) for a digit 0-9; the mean, lowest or
 * highest of the ten; or the mean over every layer-2 node.
 */
export function effectiveValue(variant: VariantEntry, measure: 'cosine' | 'strength', pick: EffectivePick): number {
  const e = getEffective(variant);
  const values = e[measure];
  if (typeof pick === 'number') {
    if (!(Number.isInteger(pick) && pick >= 0 && pick <= 9)) throw new Error(`effective ${measure}: digit must be 0-9, not ${pick}`);
    return values[pick];
  }
  if (pick === 'nodes') return measure === 'cosine' ? e.nodes.meanCosine : e.nodes.meanStrength;
  return pick === 'mean' ? mean(values) : pick === 'min' ? Math.min(...values) : Math.max(...values);
}

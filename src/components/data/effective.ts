import type { EffectiveEntry, VariantEntry } from '../../lib/manifest';
import { mean } from '../../lib/mean';

/** The effective-template measurements of an `mlp` variant; throws naming the variant when it has none. */
export function getEffective(variant: VariantEntry): EffectiveEntry {
  if (!variant.effective) throw new Error(`${variant.id} has no effective templates in the manifest (only mlp variants do)`);
  return variant.effective;
}

/** The per-digit cosines [10] of every training seed of an `mlp` variant, the figure seed first. */
export function cosineRuns(variant: VariantEntry): number[][] {
  return variant.seeds.map((s) => {
    if (!s.effectiveCosine) throw new Error(`${variant.id} seed ${s.seed} has no effective cosines in the manifest`);
    return s.effectiveCosine;
  });
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

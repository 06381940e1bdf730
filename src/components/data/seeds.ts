import type { SeedRun, VariantEntry } from '../../lib/manifest';
import { mean } from '../../lib/mean';

export interface Spread {
  mean: number;
  min: number;
  max: number;
  count: number;
}

/** Mean, minimum and maximum of a per-seed value over every seed of a variant. */
export function spreadOver(variant: VariantEntry, value: (run: SeedRun) => number): Spread {
  const values = variant.seeds.map(value);
  return {
    mean: mean(values),
    min: Math.min(...values),
    max: Math.max(...values),
    count: values.length,
  };
}

/** A seed's edge-region z-score for one digit. */
export function seedEdgeWeight(run: SeedRun, region: string, digit: number): number {
  const entry = run.edgeWeights.find((e) => e.region === region);
  if (!entry) throw new Error(`seed ${run.seed} has no edge weights for region "${region}"`);
  return entry.zScore[digit];
}

/** A seed's edge-region z-score for one digit, measured on its mean effective template. */
export function seedEffectiveEdgeWeight(run: SeedRun, region: string, digit: number): number {
  const entry = run.effectiveEdgeWeights?.find((e) => e.region === region);
  if (!entry) throw new Error(`seed ${run.seed} has no effective edge weights for region "${region}"`);
  return entry.zScore[digit];
}

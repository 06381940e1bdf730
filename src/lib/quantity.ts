import { type BehaviourMetric, behaviourValue, isBehaviourMetric } from './behaviour-values';
import { getRegion, topInkers } from './ink-regions';
import type { Manifest, SeedRun, VariantEntry } from './manifest';
import { mean } from './mean';

/**
 * One number the article reads from the manifest: from one seed's run of a variant, or from the
 * data set (the same on every seed). The claims, the number components and the behaviour report
 * all read a quantity through `quantityOf`, so a claim and the number printed beside it agree.
 */
export type Quantity =
  | { variant: string; metric: 'testAccuracy' }
  | { variant: string; metric: 'classAccuracy'; digit: number }
  /** Mean z-score of the composed output image for `digit` over an edge region. */
  | { variant: string; metric: 'edgeWeight'; region: string; digit: number }
  /** The same z-score on the mean effective template (the ReLU-aware picture). */
  | { variant: string; metric: 'effectiveEdgeWeight'; region: string; digit: number }
  /** Cosine similarity of the composed and the mean effective template of `digit`. */
  | { variant: string; metric: 'effectiveCosine'; digit: number }
  | { variant: string; metric: 'meanEffectiveCosine' }
  /** Mean over the ten digits of the effective template's length over the composed image's. */
  | { variant: string; metric: 'meanEffectiveStrength' }
  /** Mean over the edge regions of the z-score of the image of the digit that inks the region most. */
  | { variant: string; metric: 'ownerEdgeWeight' }
  /** Mean neighbour correlation of the composed layer-2 images: how smooth they are. */
  | { variant: string; metric: 'layer2Smoothness' }
  /** Of the training images inking a region, the share that are `digit`s. */
  | { metric: 'shareOfInkers'; region: string; digit: number }
  /** Of the training images inking a region, the share that are one of the `count` digits that ink it most. */
  | { metric: 'topInkersShare'; region: string; count: number }
  /** A measure of the seed's behaviour tests: erase, plant or shift (`src/lib/behaviour-values.ts`). */
  | ({ variant: string } & BehaviourMetric);

/** A quantity of one variant's runs (everything but the data set's ink statistics). */
export type RunQuantity = Extract<Quantity, { variant: string }>;

/** What a quantity is measured in: how a difference of two of them is written. */
export type QuantityUnit = 'accuracy' | 'share' | 'probability' | 'z' | 'cosine' | 'correlation' | 'count';

/** True for a quantity of the data set, which every seed shares. */
export function isDataQuantity(q: Quantity): q is Exclude<Quantity, RunQuantity> {
  return !('variant' in q);
}

/** The unit of a quantity. */
export function unitOf(q: Quantity): QuantityUnit {
  switch (q.metric) {
    case 'testAccuracy':
    case 'classAccuracy':
    case 'ownerAccuracy':
    case 'erasedAccuracy':
    case 'erasedAllAccuracy':
    case 'shiftAccuracy':
      return 'accuracy';
    case 'edgeWeight':
    case 'effectiveEdgeWeight':
    case 'ownerEdgeWeight':
      return 'z';
    case 'effectiveCosine':
    case 'meanEffectiveCosine':
      return 'cosine';
    case 'layer2Smoothness':
      return 'correlation';
    case 'meanEffectiveStrength':
    case 'shareOfInkers':
    case 'topInkersShare':
    case 'flipShare':
      return 'share';
    case 'probabilityChange':
      return 'probability';
    case 'inked':
      return 'count';
  }
}

/** The variant with this id, e.g. `mlp-500`; throws naming the ids that exist. */
export function variantOf(manifest: Manifest, id: string): VariantEntry {
  const variant = manifest.variants.find((v) => v.id === id);
  if (!variant) {
    throw new Error(`variant "${id}" is not in the manifest (it has ${manifest.variants.map((v) => v.id).join(', ')})`);
  }
  return variant;
}

/**
 * Reads `q`. A run quantity needs the run of `q.variant` it is read from; a data-set quantity
 * ignores `run`. Errors name the variant, the seed and what is missing.
 */
export function quantityOf(manifest: Manifest, run: SeedRun | undefined, q: Quantity): number {
  if (isDataQuantity(q)) {
    const region = getRegion(manifest, q.region);
    if (q.metric === 'shareOfInkers') return region.shareOfInkers[q.digit];
    return topInkers(region, q.count).reduce((a, t) => a + t.share, 0);
  }
  if (!run) throw new Error(`${q.variant}: ${q.metric} is read from a run, and none was given`);
  const where = `${q.variant} seed ${run.seed}`;
  const missing = (what: string): never => {
    throw new Error(`${where} has no ${what}`);
  };
  if (isBehaviourMetric(q.metric)) return behaviourValue(run.behaviour ?? missing('behaviour tests'), q as BehaviourMetric, where);
  switch (q.metric) {
    case 'testAccuracy':
      return run.testAccuracy;
    case 'classAccuracy':
      return run.perClassAccuracy[q.digit];
    case 'edgeWeight':
      return zScore(run.edgeWeights, q.region, q.digit) ?? missing(`edge weight for ${q.region}`);
    case 'effectiveEdgeWeight':
      return zScore(run.effectiveEdgeWeights ?? [], q.region, q.digit) ?? missing(`effective edge weight for ${q.region}`);
    case 'effectiveCosine':
      return run.effectiveCosine?.[q.digit] ?? missing('effective cosine');
    case 'ownerEdgeWeight':
      return ownerEdgeWeight(manifest, run);
    case 'meanEffectiveCosine':
      return mean(run.effectiveCosine ?? missing('effective cosine'));
    case 'meanEffectiveStrength':
      return mean(run.effectiveStrength ?? missing('effective strength'));
    case 'layer2Smoothness':
      return run.layer2Smoothness ?? missing('layer-2 smoothness');
  }
}

/**
 * How strongly a run's output images lean on the edge regions' owners: for each region, the
 * z-score of the image of the digit that inks it most; their mean.
 */
export function ownerEdgeWeight(manifest: Manifest, run: SeedRun): number {
  const values = manifest.ink.regions.map((region) => {
    const owner = region.shareOfInkers.indexOf(Math.max(...region.shareOfInkers));
    const z = zScore(run.edgeWeights, region.id, owner);
    if (z === undefined) throw new Error(`seed ${run.seed} has no edge weight for region "${region.id}"`);
    return z;
  });
  return mean(values);
}

function zScore(weights: SeedRun['edgeWeights'], region: string, digit: number): number | undefined {
  return weights.find((e) => e.region === region)?.zScore[digit];
}

/** Mean, lowest and highest of a per-seed value, and over how many seeds. */
export interface Spread {
  mean: number;
  min: number;
  max: number;
  count: number;
}

/** Mean, minimum and maximum of a per-seed value over every seed of a variant, or over `seeds` of them. */
export function spreadOver(variant: VariantEntry, value: (run: SeedRun) => number, seeds?: readonly number[]): Spread {
  const runs = seeds ? variant.seeds.filter((s) => seeds.includes(s.seed)) : variant.seeds;
  if (runs.length === 0) throw new Error(`${variant.id} has none of the seeds ${seeds?.join(', ')}`);
  const values = runs.map(value);
  return { mean: mean(values), min: Math.min(...values), max: Math.max(...values), count: values.length };
}

/** The seeds that every one of these variants was trained with, in the first one's order. */
export function sharedSeeds(manifest: Manifest, ids: readonly string[]): number[] {
  const variants = ids.map((id) => variantOf(manifest, id));
  return variants[0].seeds.map((s) => s.seed).filter((seed) => variants.every((v) => v.seeds.some((s) => s.seed === seed)));
}

export interface SpreadOptions {
  /** Spread the per-seed difference `q − minus` (e.g. what a shift costs against the unmoved test set). */
  minus?: RunQuantity;
  /** Only over the seeds `q`'s variant shares with this variant: to set two means side by side, like with like. */
  sharedWith?: string;
}

/** Mean and seed range of a run quantity over every seed of its variant (or the seeds it shares, see `SpreadOptions`). */
export function quantitySpread(manifest: Manifest, q: RunQuantity, options: SpreadOptions = {}): Spread {
  const { minus, sharedWith } = options;
  const seeds = sharedWith ? sharedSeeds(manifest, [q.variant, sharedWith]) : undefined;
  return spreadOver(variantOf(manifest, q.variant), (run) => quantityOf(manifest, run, q) - (minus ? quantityOf(manifest, run, minus) : 0), seeds);
}

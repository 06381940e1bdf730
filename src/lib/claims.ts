import { type BehaviourMetric, behaviourValue } from './behaviour-values';
import type { Manifest, SeedRun, VariantEntry } from './manifest';
import { mean } from './mean';

/**
 * The comparisons the article states in words, written down as data so that every one can be
 * checked on every training seed. Numbers in the prose come from the manifest and follow any new
 * run; a comparison ("more than", "the strongest") does not, so it is checked here instead.
 */

/** A number read from one seed's run of a variant, or from the data set (same on every seed). */
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
  /** Of the training images inking a region, the share that are `digit`s. */
  | { metric: 'shareOfInkers'; region: string; digit: number }
  /** A measure of the seed's behaviour tests: erase, plant or shift (`src/lib/behaviour-values.ts`). */
  | ({ variant: string } & BehaviourMetric);

export type Check =
  /** `left` > `factor` × `right` + `margin` on every seed. */
  | { kind: 'greater'; left: Quantity; right: Quantity | number; margin?: number; factor?: number }
  /** `left` < `right` on every seed (e.g. a share below a bound). */
  | { kind: 'less'; left: Quantity; right: Quantity | number }
  /** `quantity` above each of `among` on every seed. */
  | { kind: 'largest'; quantity: Quantity; among: Quantity[] }
  /** |`left` − `right`| < `tolerance` on every seed. */
  | { kind: 'near'; left: Quantity; right: Quantity | number; tolerance: number }
  /** Every one of `checks` on every seed: one sentence that makes several comparisons. */
  | { kind: 'all'; checks: Check[] };

export interface Claim {
  id: string;
  /** The words of the article that make the comparison. */
  says: string;
  check: Check;
}

export interface ClaimResult {
  claim: Claim;
  /** Seeds the claim was evaluated on: those every variant it names was trained with. */
  seeds: number[];
  /** Seeds on which it fails. */
  failing: number[];
  holds: boolean;
}

/** Evaluates each claim on every seed shared by the variants it names. */
export function checkClaims(manifest: Manifest, claims: readonly Claim[]): ClaimResult[] {
  return claims.map((claim) => {
    const quantities = quantitiesOf(claim.check);
    const variants = [...new Set(quantities.flatMap((q) => ('variant' in q ? [q.variant] : [])))].map((id) => variantById(manifest, id, claim));
    const seeds = commonSeeds(variants);
    if (seeds.length === 0) throw new Error(`claim "${claim.id}": its variants share no seed`);
    const failing = seeds.filter((seed) => !holdsOn(claim.check, (q) => read(manifest, q, seed, claim)));
    return { claim, seeds, failing, holds: failing.length === 0 };
  });
}

/** The claims that fail on at least one seed, one line each, naming the seeds. */
export function describeFailures(results: readonly ClaimResult[]): string[] {
  return results
    .filter((r) => !r.holds)
    .map((r) => `${r.claim.id}: "${r.claim.says}" fails on seed${r.failing.length > 1 ? 's' : ''} ${r.failing.join(', ')} of ${r.seeds.length}`);
}

function holdsOn(check: Check, value: (q: Quantity) => number): boolean {
  const of = (q: Quantity | number) => (typeof q === 'number' ? q : value(q));
  switch (check.kind) {
    case 'greater':
      return of(check.left) > (check.factor ?? 1) * of(check.right) + (check.margin ?? 0);
    case 'less':
      return of(check.left) < of(check.right);
    case 'largest': {
      const v = value(check.quantity);
      return check.among.every((q) => v > value(q));
    }
    case 'near':
      return Math.abs(of(check.left) - of(check.right)) < check.tolerance;
    case 'all':
      return check.checks.every((c) => holdsOn(c, value));
  }
}

function quantitiesOf(check: Check): Quantity[] {
  switch (check.kind) {
    case 'greater':
    case 'less':
    case 'near':
      return [check.left, ...(typeof check.right === 'number' ? [] : [check.right])];
    case 'largest':
      return [check.quantity, ...check.among];
    case 'all':
      return check.checks.flatMap(quantitiesOf);
  }
}

function variantById(manifest: Manifest, id: string, claim: Claim): VariantEntry {
  const variant = manifest.variants.find((v) => v.id === id);
  if (!variant) throw new Error(`claim "${claim.id}" names variant "${id}", which the manifest does not have`);
  return variant;
}

function commonSeeds(variants: VariantEntry[]): number[] {
  if (variants.length === 0) return [0];
  return variants[0].seeds.map((s) => s.seed).filter((seed) => variants.every((v) => v.seeds.some((s) => s.seed === seed)));
}

function read(manifest: Manifest, q: Quantity, seed: number, claim: Claim): number {
  if (q.metric === 'shareOfInkers') {
    const region = manifest.ink.regions.find((r) => r.id === q.region);
    if (!region) throw new Error(`claim "${claim.id}" names ink region "${q.region}", which the manifest does not have`);
    return region.shareOfInkers[q.digit];
  }
  const run = variantById(manifest, q.variant, claim).seeds.find((s) => s.seed === seed) as SeedRun;
  const missing = (what: string): never => {
    throw new Error(`claim "${claim.id}": ${q.variant} seed ${seed} has no ${what}`);
  };
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
    case 'inked':
    case 'ownerAccuracy':
    case 'erasedAccuracy':
    case 'erasedAllAccuracy':
    case 'flipShare':
    case 'probabilityChange':
    case 'shiftAccuracy':
      return behaviourValue(run.behaviour ?? missing('behaviour tests'), q, `claim "${claim.id}": ${q.variant} seed ${seed}`);
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

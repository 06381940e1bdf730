import type { Manifest, SeedRun } from './manifest';
import { mean } from './mean';
import { isDataQuantity, type Quantity, quantityOf, type QuantityUnit, sharedSeeds, unitOf, variantOf } from './quantity';

/**
 * The comparisons the article states in words, written down as data so that every one can be
 * checked on every training seed. Numbers in the prose come from the manifest and follow any new
 * run; a comparison ("more than", "the strongest") does not, so it is checked here instead.
 *
 * Each comparison (`greater`, `less`, `largest`, `near`) is checked on every seed of the variants
 * it names: one variant's condition on all of that variant's seeds, a comparison of two variants
 * on every seed they share. A comparison of data-set quantities only is checked once.
 */

export type Check =
  /** `left` > `factor` × `right` + `margin` on every seed. */
  | { kind: 'greater'; left: Quantity; right: Quantity | number; margin?: number; factor?: number }
  /** `left` < `right` on every seed (e.g. a share below a bound). */
  | { kind: 'less'; left: Quantity; right: Quantity | number }
  /** `quantity` above each of `among` on every seed. */
  | { kind: 'largest'; quantity: Quantity; among: Quantity[] }
  /** |`left` − `right`| < `tolerance` on every seed. */
  | { kind: 'near'; left: Quantity; right: Quantity | number; tolerance: number }
  /**
   * Of what `hurt` lost against `intact`, `recovered` wins back more than `share` on every seed:
   * (recovered − hurt) / (intact − hurt) > share. E.g. a cure that brings back most of a loss.
   */
  | { kind: 'recovers'; recovered: Quantity; hurt: Quantity; intact: Quantity; share: number }
  /** Every one of `checks` on every seed: one sentence that makes several comparisons. */
  | { kind: 'all'; checks: Check[] };

export interface Claim {
  id: string;
  /** The words of the article that make the comparison. */
  says: string;
  check: Check;
}

/** One seed's verdict on a claim: every comparison of the claim that names a variant with that seed. */
export interface SeedVerdict {
  seed: number;
  holds: boolean;
}

/** How close a claim came to failing: the smallest gap of any of its comparisons, on its worst seed. */
export interface ClaimMargin {
  /**
   * The gap, in the unit of the compared quantities: how far the value could move the wrong way
   * before the comparison fails (negative: it fails by that much). Accuracies and shares as
   * fractions (0.01 is one point), z-scores and cosines as they are.
   */
  value: number;
  unit: QuantityUnit;
  /** The seed it was found on; null for a claim about the data set. */
  seed: number | null;
  /**
   * `value` over the run-to-run standard deviation of that gap: how many seed spreads stand
   * between the claim and failing. Infinity when the gap does not vary (a data-set comparison);
   * negative when it fails. Sorts claims of different units on one scale.
   */
  spreads: number;
  /** The comparison that set it, in words. */
  comparison: string;
}

export interface ClaimResult {
  claim: Claim;
  /** Seeds the claim was evaluated on: the union of each comparison's seeds; empty for a claim about the data set. */
  seeds: number[];
  /** Seeds on which it fails. */
  failing: number[];
  holds: boolean;
  /** True when the claim reads only the data set (ink statistics): it was checked once, on no seed. */
  aboutData: boolean;
  /** Pass or fail per seed, in `seeds` order. */
  verdicts: SeedVerdict[];
  /** Whether the data-set comparisons hold (checked once); true when there are none. */
  dataHolds: boolean;
  margin: ClaimMargin;
}

/** One comparison: a check that is not an `all`. */
export type Comparison = Exclude<Check, { kind: 'all' }>;

/** One comparison of a claim with the value of its gap on each seed it was checked on. */
interface Leaf {
  check: Comparison;
  /** Its seeds; null for a comparison of data-set quantities. */
  seeds: number[] | null;
  gaps: number[];
}

/** Evaluates each claim: each of its comparisons on every seed of the variants that comparison names. */
export function checkClaims(manifest: Manifest, claims: readonly Claim[]): ClaimResult[] {
  return claims.map((claim) => {
    try {
      return checkClaim(manifest, claim);
    } catch (error) {
      throw new Error(`claim "${claim.id}": ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

function checkClaim(manifest: Manifest, claim: Claim): ClaimResult {
  const leaves = comparisonsOf(claim.check).map((check) => evaluate(manifest, check));
  const seedLeaves = leaves.filter((l) => l.seeds !== null);
  const seeds = orderedSeeds(
    manifest,
    seedLeaves.flatMap((l) => l.seeds ?? []),
  );
  const dataHolds = leaves.filter((l) => l.seeds === null).every((l) => l.gaps[0] > 0);
  const verdicts = seeds.map((seed) => ({
    seed,
    holds: dataHolds && seedLeaves.every((l) => (l.seeds ?? []).every((s, i) => s !== seed || l.gaps[i] > 0)),
  }));
  const failing = verdicts.filter((v) => !v.holds).map((v) => v.seed);
  return {
    claim,
    seeds,
    failing,
    holds: dataHolds && failing.length === 0,
    aboutData: seedLeaves.length === 0,
    verdicts,
    dataHolds,
    margin: worstMargin(leaves),
  };
}

/** The claims that fail, one line each, naming the seeds (or the data set). */
export function describeFailures(results: readonly ClaimResult[]): string[] {
  return results
    .filter((r) => !r.holds)
    .map((r) => {
      const where = r.aboutData
        ? 'on the data set (checked once)'
        : !r.dataHolds
          ? 'on the data set'
          : `on seed${r.failing.length > 1 ? 's' : ''} ${r.failing.join(', ')} of ${r.seeds.length}`;
      return `${r.claim.id}: "${r.claim.says}" fails ${where}`;
    });
}

/**
 * Stops a build whose text says something its data does not back: throws, listing the claims
 * that fail, unless `allow` (an author's draft build, `ALLOW_FAILING_CLAIMS=1`) lets it go on.
 * Returns the failures it let through.
 */
export function requireClaimsHold(results: readonly ClaimResult[], allow: boolean): string[] {
  const failures = describeFailures(results);
  if (failures.length && !allow) {
    throw new Error(
      `${failures.length} comparison(s) the article makes do not hold:\n  - ${failures.join('\n  - ')}\n` +
        'Change the words in content/article.mdx or the check in content/claims*, or build a draft with ALLOW_FAILING_CLAIMS=1.',
    );
  }
  return failures;
}

/** The claim results sorted by margin, most fragile first (fewest seed spreads from failing). */
export function byMargin(results: readonly ClaimResult[]): ClaimResult[] {
  return [...results].sort((a, b) => a.margin.spreads - b.margin.spreads || a.claim.id.localeCompare(b.claim.id));
}

/** Every comparison of a check, one per entry (an `all` flattened). */
export function comparisonsOf(check: Check): Comparison[] {
  return check.kind === 'all' ? check.checks.flatMap(comparisonsOf) : [check];
}

function quantitiesOf(check: Comparison): Quantity[] {
  switch (check.kind) {
    case 'greater':
    case 'less':
    case 'near':
      return [check.left, ...(typeof check.right === 'number' ? [] : [check.right])];
    case 'largest':
      return [check.quantity, ...check.among];
    case 'recovers':
      return [check.recovered, check.hurt, check.intact];
  }
}

/** The seeds every variant a comparison names was trained with; null when it names none. */
function seedsOf(manifest: Manifest, check: Comparison): number[] | null {
  const ids = [...new Set(quantitiesOf(check).flatMap((q) => (isDataQuantity(q) ? [] : [q.variant])))];
  if (ids.length === 0) return null;
  const seeds = sharedSeeds(manifest, ids);
  if (seeds.length === 0) throw new Error(`${ids.join(' and ')} share no seed`);
  return seeds;
}

function evaluate(manifest: Manifest, check: Comparison): Leaf {
  const seeds = seedsOf(manifest, check);
  const gapOn = (seed: number | null) => gap(check, (q) => quantityOf(manifest, isDataQuantity(q) || seed === null ? undefined : runOf(manifest, q.variant, seed), q));
  return { check, seeds, gaps: seeds === null ? [gapOn(null)] : seeds.map(gapOn) };
}

function runOf(manifest: Manifest, variant: string, seed: number): SeedRun {
  const run = variantOf(manifest, variant).seeds.find((s) => s.seed === seed);
  if (!run) throw new Error(`${variant} has no seed ${seed}`);
  return run;
}

/** How far a comparison is from failing: positive when it holds. */
function gap(check: Comparison, value: (q: Quantity) => number): number {
  const of = (q: Quantity | number) => (typeof q === 'number' ? q : value(q));
  switch (check.kind) {
    case 'greater':
      return of(check.left) - ((check.factor ?? 1) * of(check.right) + (check.margin ?? 0));
    case 'less':
      return of(check.right) - of(check.left);
    case 'largest':
      return value(check.quantity) - Math.max(...check.among.map(value));
    case 'near':
      return check.tolerance - Math.abs(of(check.left) - of(check.right));
    case 'recovers': {
      const hurt = value(check.hurt);
      return (value(check.recovered) - hurt) / (value(check.intact) - hurt) - check.share;
    }
  }
}

function worstMargin(leaves: Leaf[]): ClaimMargin {
  const margins = leaves.map((leaf): ClaimMargin => {
    const i = leaf.gaps.indexOf(Math.min(...leaf.gaps));
    const value = leaf.gaps[i];
    const sd = standardDeviation(leaf.gaps);
    // A gap that does not vary is Infinity spreads away, on the side of its sign (0 at 0).
    const spreads = sd > 0 ? value / sd : value === 0 ? 0 : value < 0 ? -Infinity : Infinity;
    return { value, unit: unitOfCheck(leaf.check), seed: leaf.seeds === null ? null : leaf.seeds[i], spreads, comparison: comparisonWords(leaf.check) };
  });
  // Fewest spreads first; among comparisons that never vary (Infinity), the smallest gap relative to its unit.
  return margins.reduce((worst, m) => (m.spreads < worst.spreads || (m.spreads === worst.spreads && m.value < worst.value) ? m : worst));
}

/** The unit of a comparison's gap: a recovery's is a share of the loss, any other's that of its first quantity. */
function unitOfCheck(check: Comparison): QuantityUnit {
  switch (check.kind) {
    case 'recovers':
      return 'share';
    case 'largest':
      return unitOf(check.quantity);
    default:
      return unitOf(check.left);
  }
}

function standardDeviation(values: number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

/** A quantity in words, e.g. "mlp-60k: z of the 9's image over bottom-right". */
export function quantityWords(q: Quantity): string {
  const who = isDataQuantity(q) ? 'training images' : q.variant;
  switch (q.metric) {
    case 'testAccuracy':
      return `${who}: test accuracy`;
    case 'classAccuracy':
      return `${who}: accuracy on ${q.digit}s`;
    case 'edgeWeight':
      return `${who}: ${q.digit}'s image over ${q.region} (z)`;
    case 'effectiveEdgeWeight':
      return `${who}: effective ${q.digit} over ${q.region} (z)`;
    case 'effectiveCosine':
      return `${who}: cosine of effective and composed ${q.digit}`;
    case 'meanEffectiveCosine':
      return `${who}: mean cosine of effective and composed images`;
    case 'meanEffectiveStrength':
      return `${who}: mean strength of effective over composed images`;
    case 'ownerEdgeWeight':
      return `${who}: owners' images over their regions, mean (z)`;
    case 'layer2Smoothness':
      return `${who}: neighbouring pixels' correlation in the layer-2 images, mean`;
    case 'shareOfInkers':
      return `share of ${q.region} inkers that are ${q.digit}s`;
    case 'topInkersShare':
      return `share of ${q.region} inkers that are its top ${q.count} digits`;
    case 'inked':
      return `${who}: owner test images inking ${q.region}`;
    case 'ownerAccuracy':
      return `${who}: accuracy on owners inking ${q.region}`;
    case 'erasedAccuracy':
      return `${who}: the same with ${q.region} erased`;
    case 'erasedAllAccuracy':
      return `${who}: accuracy with all regions erased`;
    case 'flipShare':
      return `${who}: share flipped to the owner by ink in ${q.region}`;
    case 'probabilityChange':
      return `${who}: owner's probability change from ink in ${q.region}`;
    case 'shiftAccuracy': {
      const way = q.offset === 0 ? 'unmoved' : `moved ${Math.abs(q.offset)} ${q.axis === 'rows' ? (q.offset < 0 ? 'up' : 'down') : q.offset < 0 ? 'left' : 'right'}`;
      return `${who}: accuracy${q.digit === undefined ? '' : ` on ${q.digit}s`}, ${way}`;
    }
  }
}

/** Units held as fractions (0-1) and written ×100, as a percentage or in points. */
function isFraction(unit: QuantityUnit): unit is 'accuracy' | 'share' | 'probability' {
  return unit === 'accuracy' || unit === 'share' || unit === 'probability';
}

/** A number in the unit of `like`, for the words of a comparison. */
function constantWords(value: number, like: Quantity): string {
  return isFraction(unitOf(like)) ? `${round(value * 100)} %` : String(round(value));
}

/** A difference in the unit of `like`. */
export function gapWords(value: number, unit: QuantityUnit): string {
  if (isFraction(unit)) return `${round(value * 100)} points`;
  switch (unit) {
    case 'z':
      return `${round(value)} z`;
    case 'cosine':
    case 'correlation':
      return round(value);
    case 'count':
      return `${round(value)} images`;
  }
}

function round(value: number): string {
  const text = Math.abs(value) >= 10 ? value.toFixed(1) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(2);
  return text.replace(/^-/, '−');
}

/** One comparison in words, e.g. "mlp-60k: test accuracy > mlp-500: test accuracy + 10 points". */
export function comparisonWords(check: Check): string {
  const side = (q: Quantity | number, like: Quantity) => (typeof q === 'number' ? constantWords(q, like) : quantityWords(q));
  switch (check.kind) {
    case 'greater': {
      const factor = check.factor && check.factor !== 1 ? `${check.factor} × ` : '';
      const plus = check.margin ? ` + ${gapWords(check.margin, unitOf(check.left))}` : '';
      return `${quantityWords(check.left)} > ${factor}${side(check.right, check.left)}${plus}`;
    }
    case 'less':
      return `${quantityWords(check.left)} < ${side(check.right, check.left)}`;
    case 'largest':
      return `${quantityWords(check.quantity)} > each of ${check.among.length} others`;
    case 'near':
      return `${quantityWords(check.left)} within ${gapWords(check.tolerance, unitOf(check.left))} of ${side(check.right, check.left)}`;
    case 'recovers':
      return `${quantityWords(check.recovered)} wins back over ${round(check.share * 100)} % of what ${quantityWords(check.hurt)} lost against ${quantityWords(check.intact)}`;
    case 'all':
      return check.checks.map(comparisonWords).join('; ');
  }
}

/** Seeds in the order the manifest lists them first, without repeats. */
function orderedSeeds(manifest: Manifest, seeds: number[]): number[] {
  const wanted = new Set(seeds);
  const order = manifest.variants.flatMap((v) => v.seeds.map((s) => s.seed));
  return [...new Set(order)].filter((s) => wanted.has(s));
}

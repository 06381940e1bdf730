/**
 * The comparisons that "What the pictures leave out" (content/article.mdx) states in words, as
 * data, so that they can be checked on every training seed. Quantities are read per seed:
 * `effectiveCosine` from `seeds[].effectiveCosine`, `effectiveEdgeWeight` from
 * `seeds[].effectiveEdgeWeights`, `meanEffectiveStrength` from `seeds[].effectiveStrength`
 * (all computed by `effectiveSeedMeasures` in src/lib/effective-templates.ts; for the figure seed
 * they are also in `variants[].effective`).
 */

export type Quantity =
  | { variant: string; metric: 'testAccuracy' }
  | { variant: string; metric: 'classAccuracy'; digit: number }
  /** Output-image z-score over an edge region (composed). */
  | { variant: string; metric: 'edgeWeight'; region: string; digit: number }
  /** The same z-score, on the mean effective template (`edgeRegionWeights`). */
  | { variant: string; metric: 'effectiveEdgeWeight'; region: string; digit: number }
  | { variant: string; metric: 'effectiveCosine'; digit: number }
  /** Mean over the 10 digits. */
  | { variant: string; metric: 'meanEffectiveCosine' }
  /** Mean over the 10 digits of the effective template's length over the composed image's (`rowNormRatios`). */
  | { variant: string; metric: 'meanEffectiveStrength' };

export type Check =
  /** left > right on every seed. */
  | { kind: 'greater'; left: Quantity; right: Quantity | number }
  /** quantity > each of `among` on every seed. */
  | { kind: 'largest'; quantity: Quantity; among: Quantity[] };

export interface Claim {
  id: string;
  /** The sentence, quoted. */
  says: string;
  check: Check;
}

const SMALL = 'mlp-500';
const BIG = 'mlp-60k';
const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

const effectiveEdge = (variant: string, region: string, digit: number): Quantity => ({ variant, metric: 'effectiveEdgeWeight', region, digit });
const cosine = (variant: string, digit: number): Quantity => ({ variant, metric: 'effectiveCosine', digit });

/** "X is the largest of the ten digits' effective edge weights over the region" for BIG. */
function strongestEffectiveEdge(id: string, says: string, region: string, digit: number): Claim {
  return {
    id,
    says,
    check: {
      kind: 'largest',
      quantity: effectiveEdge(BIG, region, digit),
      among: DIGITS.filter((d) => d !== digit).map((d) => effectiveEdge(BIG, region, d)),
    },
  };
}

export const EFFECTIVE_CLAIMS: Claim[] = [
  {
    id: 'effective-small-keeps-shape',
    says: 'the network trained on fewer images keeps more of the shape of its output pictures',
    check: { kind: 'greater', left: { variant: SMALL, metric: 'meanEffectiveCosine' }, right: { variant: BIG, metric: 'meanEffectiveCosine' } },
  },
  {
    id: 'effective-small-keeps-strength',
    says: 'the network trained on fewer images keeps more of the strength of its output pictures',
    check: { kind: 'greater', left: { variant: SMALL, metric: 'meanEffectiveStrength' }, right: { variant: BIG, metric: 'meanEffectiveStrength' } },
  },
  ...DIGITS.filter((d) => d !== 8).map(
    (d): Claim => ({
      id: `effective-big-8-changes-most-vs-${d}`,
      says: 'the 8, which changes most (of the network trained on all the images)',
      check: { kind: 'greater', left: cosine(BIG, d), right: cosine(BIG, 8) },
    }),
  ),
  strongestEffectiveEdge(
    'effective-big-9-bottom-right-strongest',
    'its 9 still weights the bottom-right corner more than any other digit’s effective template does',
    'bottom-right',
    9,
  ),
  {
    id: 'effective-big-9-bottom-right-over-small',
    says: 'its 9 still weights the bottom-right corner ... against ... for the network trained on fewer images',
    check: { kind: 'greater', left: effectiveEdge(BIG, 'bottom-right', 9), right: effectiveEdge(SMALL, 'bottom-right', 9) },
  },
  strongestEffectiveEdge('effective-big-6-top-strongest', 'the 6 weights the top strip ..., the most of all ten', 'top', 6),
  {
    id: 'effective-big-9-bottom-left-grows',
    says: 'the 9’s lean on the bottom-left strip is stronger after the ReLUs than in the composed picture',
    check: { kind: 'greater', left: effectiveEdge(BIG, 'bottom-left', 9), right: { variant: BIG, metric: 'edgeWeight', region: 'bottom-left', digit: 9 } },
  },
];

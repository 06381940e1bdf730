import type { Check, Claim } from '../../src/lib/claims';
import type { Quantity } from '../../src/lib/quantity';
import { BIG, digitsExcept, everyRegion, SMALL } from './helpers';

/**
 * The comparisons that "What the pictures leave out" states in words. Effective quantities are
 * read per seed from `seeds[].effectiveCosine`, `effectiveStrength` and `effectiveEdgeWeights`,
 * which `effectiveSeedMeasures` (src/lib/effective-templates.ts) computes for every seed.
 */


const effectiveEdge = (variant: string, region: string, digit: number): Quantity => ({ variant, metric: 'effectiveEdgeWeight', region, digit });

/** Digit's effective template weights the region more than any other digit's, for BIG. */
const strongestEffective = (region: string, digit: number): Check => ({
  kind: 'largest',
  quantity: effectiveEdge(BIG, region, digit),
  among: digitsExcept(digit).map((d) => effectiveEdge(BIG, region, d)),
});

/** A claim that makes that one comparison. */
function strongestEffectiveEdge(id: string, says: string, region: string, digit: number): Claim {
  return { id, says, check: strongestEffective(region, digit) };
}

export const EFFECTIVE_CLAIMS: Claim[] = [
  {
    id: 'effective-big-keeps-less',
    says: 'the network trained on all the images keeps under a third of the share of its output pictures’ strength that the one trained on 500 keeps, and less of their shape',
    check: {
      kind: 'all',
      checks: [
        { kind: 'greater', left: { variant: SMALL, metric: 'meanEffectiveCosine' }, right: { variant: BIG, metric: 'meanEffectiveCosine' } },
        { kind: 'greater', left: { variant: SMALL, metric: 'meanEffectiveStrength' }, right: { variant: BIG, metric: 'meanEffectiveStrength' }, factor: 3 },
      ],
    },
  },
  {
    id: 'effective-edges-survive',
    says: 'in each edge region, the owner’s effective template weights it more than any other digit’s effective template does',
    check: everyRegion(strongestEffective),
  },
  strongestEffectiveEdge(
    'effective-big-9-bottom-right-strongest',
    'its 9 still weights the bottom-right corner more than any other digit’s effective template does',
    'bottom-right',
    9,
  ),
  {
    id: 'effective-big-9-bottom-right-over-small',
    says: 'its effective 9 weights the bottom-right corner more than the effective 9 of the network trained on 500 images',
    check: { kind: 'greater', left: effectiveEdge(BIG, 'bottom-right', 9), right: effectiveEdge(SMALL, 'bottom-right', 9) },
  },
  strongestEffectiveEdge('effective-big-6-top-strongest', 'its effective 6 weights the top strip the most of all ten', 'top', 6),
  {
    id: 'effective-big-9-bottom-left-grows',
    says: 'the 9’s lean on the bottom-left strip is stronger after the ReLUs than in the composed picture',
    check: { kind: 'greater', left: effectiveEdge(BIG, 'bottom-left', 9), right: { variant: BIG, metric: 'edgeWeight', region: 'bottom-left', digit: 9 } },
  },
];

import type { Manifest } from '../../lib/manifest';
import { edgeWeight, getRegion, strongestDigit, topInkers } from './ink-facts';
import { getVariant } from './manifest';

/**
 * The comparisons the article's prose states in words ("jumps", "leans harder", "the strongest").
 * Numbers in the text come from the manifest and always update; these do not, so the build
 * names any that a new run of the pipeline has made untrue.
 */
export function brokenClaims(m: Manifest): string[] {
  const small = getVariant('mlp-500', m);
  const big = getVariant('mlp-60k', m);
  const linear = getVariant('linear-60k', m);
  const owner = (region: string, rank = 0) => topInkers(getRegion(m, region), 2)[rank].digit;
  const claims: [string, boolean][] = [
    ['mlp-60k is the most accurate model, then linear-60k, then mlp-500', big.testAccuracy > linear.testAccuracy && linear.testAccuracy > small.testAccuracy],
    ['7s, then 9s, ink the bottom-left strip most', owner('bottom-left') === 7 && owner('bottom-left', 1) === 9],
    ['9s ink the bottom-right corner most', owner('bottom-right') === 9],
    ['6s ink the top strip most', owner('top') === 6],
    ['mlp-60k weights the bottom-right corner for 9 more than mlp-500', edgeWeight(big, 'bottom-right', 9) > edgeWeight(small, 'bottom-right', 9)],
    ['mlp-60k weights the top strip for 6 more than mlp-500', edgeWeight(big, 'top', 6) > edgeWeight(small, 'top', 6)],
    ['the 7 image keeps about its bottom-left weight (within 0.1)', Math.abs(edgeWeight(big, 'bottom-left', 7) - edgeWeight(small, 'bottom-left', 7)) < 0.1],
    ['in mlp-60k the 9 image weights the bottom-left strip most of all ten', strongestDigit(big, 'bottom-left').digit === 9],
    ['the 9 image of mlp-60k weights the bottom-left strip more than mlp-500', edgeWeight(big, 'bottom-left', 9) > edgeWeight(small, 'bottom-left', 9)],
  ];
  return claims.filter(([, holds]) => !holds).map(([claim]) => claim);
}

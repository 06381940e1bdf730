import { CLAIMS } from '../../../content/claims';
import { checkClaims, type ClaimResult, describeFailures } from '../../lib/claims';
import { getManifest } from './manifest';

let cached: ClaimResult[] | undefined;

/**
 * Every claim of `content/claims.ts` checked on every seed, once per build. Failures are printed
 * where the author sees them: in the build's output.
 */
export function claimResults(): ClaimResult[] {
  if (cached) return cached;
  cached = checkClaims(getManifest(), CLAIMS);
  const failures = describeFailures(cached);
  if (failures.length) {
    console.warn(`article: ${failures.length} comparison(s) the text makes do not hold on every seed:\n  - ${failures.join('\n  - ')}\n  Review content/article.mdx and content/claims.ts.`);
  }
  return cached;
}

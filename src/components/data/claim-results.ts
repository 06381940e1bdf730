import { CLAIMS } from '../../../content/claims';
import { byMargin, checkClaims, type ClaimResult, comparisonsOf, gapWords, requireClaimsHold } from '../../lib/claims';
import { countOf } from '../../present/format';
import { getManifest } from './manifest';

let cached: ClaimResult[] | undefined;

/**
 * Every claim of `content/claims.ts` checked on every seed, once per build. A claim that fails
 * stops the build, naming it; an author's draft (`ALLOW_FAILING_CLAIMS=1`) only warns.
 */
export function claimResults(): ClaimResult[] {
  if (cached) return cached;
  const results = checkClaims(getManifest(), CLAIMS);
  const failures = requireClaimsHold(results, process.env.ALLOW_FAILING_CLAIMS === '1');
  if (failures.length) console.warn(`article (draft): ${failures.length} comparison(s) do not hold:\n  - ${failures.join('\n  - ')}`);
  cached = results;
  return cached;
}

/** The id of the first words in the article that state a claim. */
export function claimAnchor(id: string): string {
  return `claim-${id}`;
}

/** One row of the ledger of claims, as the page shows it. */
export interface LedgerRow {
  id: string;
  says: string;
  /** What is measured: the comparison, or how many and the closest one. */
  measured: string;
  /** "5 seeds", or that it is about the data set. */
  seeds: string;
  verdicts: { seed: number; holds: boolean }[];
  /** The seeds it fails on. */
  failing: number[];
  holds: boolean;
  /** The worst margin in its unit, e.g. "0.12 z". */
  margin: string;
  /** Its seed, or null for the data set. */
  marginSeed: number | null;
  /** How many run-to-run spreads of that gap stand between the claim and failing. */
  spreads: string;
}

/** The ledger's rows: every claim, the most fragile first. */
export function ledgerRows(results: readonly ClaimResult[] = claimResults()): LedgerRow[] {
  return byMargin(results).map((r) => {
    const count = comparisonsOf(r.claim.check).length;
    return {
      id: r.claim.id,
      says: r.claim.says,
      measured: count === 1 ? r.margin.comparison : `closest of ${count}: ${r.margin.comparison}`,
      seeds: r.aboutData ? 'the data set, checked once' : countOf(r.seeds.length, 'seed'),
      verdicts: r.verdicts,
      failing: r.failing,
      holds: r.holds,
      margin: gapWords(r.margin.value, r.margin.unit),
      marginSeed: r.margin.seed,
      spreads: Number.isFinite(r.margin.spreads) ? r.margin.spreads.toFixed(1) : '—',
    };
  });
}

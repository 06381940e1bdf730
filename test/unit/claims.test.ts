import { describe, expect, it } from 'vitest';
import { checkClaims, type Claim, describeFailures, ownerEdgeWeight } from '../../src/lib/claims';
import type { Manifest, SeedRun } from '../../src/lib/manifest';

function run(seed: number, testAccuracy: number, bottomRight9: number): SeedRun {
  const zScore = Array.from({ length: 10 }, (_, d) => (d === 9 ? bottomRight9 : 0));
  return {
    seed,
    testAccuracy,
    testLoss: 0.1,
    perClassAccuracy: Array.from({ length: 10 }, () => testAccuracy),
    edgeWeights: [{ region: 'bottom-right', zScore }],
    outputImages: `composed/x-seed${seed}.f32`,
    trainingSeconds: 1,
  };
}

/** Just the parts of a manifest that claims read. */
const manifest = {
  variants: [
    { id: 'big', seeds: [run(1, 0.98, 0.5), run(2, 0.97, 0.2), run(3, 0.975, 0.6)] },
    { id: 'small', seeds: [run(1, 0.8, 0.3), run(2, 0.82, 0.3)] },
  ],
  ink: { regions: [{ id: 'bottom-right', shareOfInkers: [0, 0, 0, 0, 0.1, 0, 0, 0.2, 0, 0.7] }] },
} as unknown as Manifest;

const acc = (variant: string) => ({ variant, metric: 'testAccuracy' as const });
const edge = (variant: string, digit = 9) => ({ variant, metric: 'edgeWeight' as const, region: 'bottom-right', digit });

describe('checkClaims', () => {
  it('checks a comparison on every seed the variants share', () => {
    const claims: Claim[] = [{ id: 'more-data-helps', says: 'big beats small', check: { kind: 'greater', left: acc('big'), right: acc('small') } }];
    const [result] = checkClaims(manifest, claims);
    expect(result.seeds).toEqual([1, 2]);
    expect(result.holds).toBe(true);
  });

  it('names the seeds on which a comparison fails', () => {
    const claims: Claim[] = [{ id: 'leans-harder', says: 'big weights the corner more', check: { kind: 'greater', left: edge('big'), right: edge('small') } }];
    const results = checkClaims(manifest, claims);
    expect(results[0].failing).toEqual([2]);
    expect(describeFailures(results)).toEqual(['leans-harder: "big weights the corner more" fails on seed 2 of 2']);
  });

  it('compares with constants, margins and tolerances, and finds the largest', () => {
    const claims: Claim[] = [
      { id: 'above-90', says: '', check: { kind: 'greater', left: acc('big'), right: 0.9 } },
      { id: 'margin', says: '', check: { kind: 'greater', left: acc('big'), right: acc('small'), margin: 0.16 } },
      { id: 'near', says: '', check: { kind: 'near', left: edge('small'), right: 0.3, tolerance: 0.01 } },
      { id: 'largest', says: '', check: { kind: 'largest', quantity: edge('big', 9), among: [edge('big', 0), edge('big', 1)] } },
      { id: 'owner', says: '', check: { kind: 'largest', quantity: { metric: 'shareOfInkers', region: 'bottom-right', digit: 9 }, among: [{ metric: 'shareOfInkers', region: 'bottom-right', digit: 7 }] } },
    ];
    const holds = Object.fromEntries(checkClaims(manifest, claims).map((r) => [r.claim.id, r.failing]));
    expect(holds).toEqual({ 'above-90': [], margin: [2], near: [], largest: [], owner: [] });
  });

  it('refuses a claim about a variant or a measurement the manifest lacks', () => {
    expect(() => checkClaims(manifest, [{ id: 'ghost', says: '', check: { kind: 'greater', left: acc('ghost'), right: 0 } }])).toThrow(/ghost.*does not have/);
    expect(() =>
      checkClaims(manifest, [{ id: 'cos', says: '', check: { kind: 'greater', left: { variant: 'big', metric: 'effectiveCosine', digit: 0 }, right: 0 } }]),
    ).toThrow(/big seed 1 has no effective cosine/);
  });
});

describe('ownerEdgeWeight', () => {
  it('averages, over the regions, the z-score of the digit that inks each region most', () => {
    const m = {
      ink: {
        regions: [
          { id: 'a', shareOfInkers: [0.1, 0.9, 0, 0, 0, 0, 0, 0, 0, 0] },
          { id: 'b', shareOfInkers: [0, 0, 0, 0, 0, 0, 0, 0, 0.2, 0.8] },
        ],
      },
    } as unknown as Manifest;
    const z = (digit: number, value: number) => Array.from({ length: 10 }, (_, d) => (d === digit ? value : -1));
    const seed = { ...run(1, 0.9, 0), edgeWeights: [{ region: 'a', zScore: z(1, 0.6) }, { region: 'b', zScore: z(9, 1.0) }] };
    expect(ownerEdgeWeight(m, seed)).toBeCloseTo(0.8, 10);
  });

  it('can be compared with a factor', () => {
    const claims: Claim[] = [
      { id: 'twice', says: '', check: { kind: 'greater', left: edge('big'), right: edge('small'), factor: 1.5 } },
    ];
    // big 0.5, 0.2 against small 0.3, 0.3: 0.5 > 0.45 holds, 0.2 > 0.45 fails.
    expect(checkClaims(manifest, claims)[0].failing).toEqual([2]);
  });
});

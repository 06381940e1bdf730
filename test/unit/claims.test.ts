import { describe, expect, it } from 'vitest';
import type { BehaviourMetric } from '../../src/lib/behaviour-values';
import { byMargin, checkClaims, type Claim, describeFailures, requireClaimsHold } from '../../src/lib/claims';
import type { BehaviourEntry, Manifest, SeedRun } from '../../src/lib/manifest';
import { ownerEdgeWeight, type Quantity, quantitySpread } from '../../src/lib/quantity';

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
      { id: 'less', says: '', check: { kind: 'less', left: edge('big'), right: 0.55 } },
      { id: 'less-than-other', says: '', check: { kind: 'less', left: acc('small'), right: acc('big') } },
      { id: 'largest', says: '', check: { kind: 'largest', quantity: edge('big', 9), among: [edge('big', 0), edge('big', 1)] } },
      { id: 'owner', says: '', check: { kind: 'largest', quantity: { metric: 'shareOfInkers', region: 'bottom-right', digit: 9 }, among: [{ metric: 'shareOfInkers', region: 'bottom-right', digit: 7 }] } },
    ];
    const holds = Object.fromEntries(checkClaims(manifest, claims).map((r) => [r.claim.id, r.failing]));
    // big's corner weights 0.5, 0.2, 0.6 on its own three seeds: below 0.55 on seeds 1 and 2, not 3.
    expect(holds).toEqual({ 'above-90': [], margin: [2], near: [], less: [3], 'less-than-other': [], largest: [], owner: [] });
  });

  it('refuses a claim about a variant or a measurement the manifest lacks', () => {
    expect(() => checkClaims(manifest, [{ id: 'ghost', says: '', check: { kind: 'greater', left: acc('ghost'), right: 0 } }])).toThrow(/claim "ghost": variant "ghost" is not in the manifest/);
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

describe('behaviour claims', () => {
  /** A seed's behaviour tests, hand-made: one region, two shifts along each axis. */
  function behaviour(erased: number, flip: number, down2: number, down2of7: number): BehaviourEntry {
    const shift = (offset: number, accuracy: number, of7: number) => ({
      offset,
      accuracy,
      perClassAccuracy: Array.from({ length: 10 }, (_, d) => (d === 7 ? of7 : accuracy)),
    });
    return {
      erase: [{ region: 'bottom-left', digit: 7, inked: 120, accuracy: 0.99, erasedAccuracy: erased }],
      erasedAllAccuracy: 0.95,
      plant: [{ region: 'bottom-left', digit: 7, flipShare: flip, meanProbabilityChange: flip / 2 }],
      shift: { rows: [shift(0, 0.98, 0.97), shift(2, down2, down2of7)], columns: [shift(0, 0.98, 0.97), shift(2, 0.9, 0.9)] },
    };
  }
  const withBehaviour = (seed: number, b: BehaviourEntry | undefined): SeedRun => ({ ...run(seed, 0.98, 0), ...(b ? { behaviour: b } : {}) });
  const m = {
    variants: [
      { id: 'edges', seeds: [withBehaviour(1, behaviour(0.6, 0.2, 0.7, 0.3)), withBehaviour(2, behaviour(0.9, 0.01, 0.8, 0.6))] },
      { id: 'moved', seeds: [withBehaviour(1, behaviour(0.98, 0.001, 0.97, 0.96)), withBehaviour(2, behaviour(0.97, 0.002, 0.96, 0.95))] },
      { id: 'untested', seeds: [withBehaviour(1, undefined)] },
    ],
    ink: { regions: [] },
  } as unknown as Manifest;
  const q = (variant: string, metric: BehaviourMetric) => ({ variant, ...metric }) as Quantity;
  const failing = (check: Claim['check']) => checkClaims(m, [{ id: 'c', says: '', check }])[0].failing;

  it('reads each measure of the behaviour tests per seed', () => {
    const owner = q('edges', { metric: 'ownerAccuracy', region: 'bottom-left' });
    // Erasing costs the owner's images accuracy: 0.99 → 0.6 on seed 1, → 0.9 on seed 2.
    expect(failing({ kind: 'greater', left: owner, right: q('edges', { metric: 'erasedAccuracy', region: 'bottom-left' }), margin: 0.2 })).toEqual([2]);
    expect(failing({ kind: 'near', left: q('edges', { metric: 'inked', region: 'bottom-left' }), right: 120, tolerance: 0.5 })).toEqual([]);
    expect(failing({ kind: 'near', left: q('edges', { metric: 'erasedAllAccuracy' }), right: 0.95, tolerance: 1e-9 })).toEqual([]);
    // Planted ink flips a fifth of the others on seed 1, a hundredth on seed 2.
    expect(failing({ kind: 'greater', left: q('edges', { metric: 'flipShare', region: 'bottom-left' }), right: 0.05 })).toEqual([2]);
    expect(failing({ kind: 'greater', left: q('edges', { metric: 'probabilityChange', region: 'bottom-left' }), right: 0.05 })).toEqual([2]);
  });

  it('reads shift accuracy overall and per digit, and compares variants on every seed', () => {
    const down2 = (variant: string, digit?: number) => q(variant, { metric: 'shiftAccuracy', axis: 'rows', offset: 2, ...(digit === undefined ? {} : { digit }) });
    const still = q('edges', { metric: 'shiftAccuracy', axis: 'rows', offset: 0 });
    // Moved two rows down, the 7s fall from 0.97 to 0.3 (seed 1) and 0.6 (seed 2); overall 0.7 and 0.8.
    // The moved-digit variant keeps 0.96 and 0.95: ahead by 0.66 and 0.35.
    expect(failing({ kind: 'greater', left: still, right: down2('edges'), margin: 0.25 })).toEqual([2]);
    expect(failing({ kind: 'greater', left: down2('edges'), right: down2('edges', 7) })).toEqual([]);
    expect(failing({ kind: 'greater', left: down2('moved', 7), right: down2('edges', 7), margin: 0.3 })).toEqual([]);
    expect(failing({ kind: 'greater', left: down2('moved', 7), right: down2('edges', 7), margin: 0.5 })).toEqual([2]);
    expect(failing({ kind: 'greater', left: q('edges', { metric: 'shiftAccuracy', axis: 'columns', offset: 2, digit: 7 }), right: 0.85 })).toEqual([]);
  });

  it('refuses a seed without behaviour tests, a region or an offset it lacks', () => {
    expect(() => failing({ kind: 'greater', left: q('untested', { metric: 'erasedAllAccuracy' }), right: 0 })).toThrow(/untested seed 1 has no behaviour tests/);
    expect(() => failing({ kind: 'greater', left: q('edges', { metric: 'flipShare', region: 'top' }), right: 0 })).toThrow(/edges seed 1 has no plant entry for region "top"/);
    expect(() => failing({ kind: 'greater', left: q('edges', { metric: 'shiftAccuracy', axis: 'columns', offset: 3 }), right: 0 })).toThrow(/no shift of 3 columns/);
    expect(() => failing({ kind: 'greater', left: q('edges', { metric: 'shiftAccuracy', axis: 'rows', offset: 2, digit: 10 }), right: 0 })).toThrow(/digit must be 0-9/);
  });
});

describe('seeds, verdicts and margins', () => {
  /** Seed 1, 2 and 3 of a variant `a`, seeds 1 and 2 of `b`: each quantity is set per seed. */
  function full(seed: number, v: { acc: number; class3: number; z9: number; eff9: number; cos: number; strength: number }): SeedRun {
    const zScore = Array.from({ length: 10 }, (_, d) => (d === 9 ? v.z9 : 0));
    return {
      ...run(seed, v.acc, v.z9),
      perClassAccuracy: Array.from({ length: 10 }, (_, d) => (d === 3 ? v.class3 : v.acc)),
      edgeWeights: [{ region: 'bottom-right', zScore }],
      effectiveEdgeWeights: [{ region: 'bottom-right', zScore: zScore.map((z, d) => (d === 9 ? v.eff9 : z)) }],
      effectiveCosine: Array.from({ length: 10 }, (_, d) => (d === 0 ? v.cos : 0.5)),
      effectiveStrength: Array.from({ length: 10 }, () => v.strength),
      // Stands in for the layer-2 smoothness: its own number per seed, like the rest.
      layer2Smoothness: v.cos - 0.1,
    };
  }
  const m = {
    variants: [
      {
        id: 'a',
        seeds: [
          full(1, { acc: 0.98, class3: 0.9, z9: 1.0, eff9: 0.8, cos: 0.9, strength: 0.3 }),
          full(2, { acc: 0.97, class3: 0.95, z9: 0.4, eff9: 0.2, cos: 0.6, strength: 0.1 }),
          full(3, { acc: 0.99, class3: 0.96, z9: 0.9, eff9: 0.7, cos: 0.8, strength: 0.2 }),
        ],
      },
      { id: 'b', seeds: [full(1, { acc: 0.9, class3: 0.8, z9: 0.5, eff9: 0.1, cos: 0.5, strength: 0.5 }), full(2, { acc: 0.96, class3: 0.8, z9: 0.3, eff9: 0.3, cos: 0.5, strength: 0.5 })] },
    ],
    ink: { regions: [{ id: 'bottom-right', shareOfInkers: [0.02, 0, 0, 0, 0.1, 0, 0, 0.15, 0.03, 0.7] }] },
  } as unknown as Manifest;
  const check = (c: Claim['check']) => checkClaims(m, [{ id: 'c', says: 'words', check: c }])[0];
  const a = (metric: string, extra: object = {}) => ({ variant: 'a', metric, ...extra }) as Quantity;
  const b = (metric: string, extra: object = {}) => ({ variant: 'b', metric, ...extra }) as Quantity;

  it('checks a condition on one variant on all of its seeds, even beside a comparison on fewer', () => {
    const alone = check({ kind: 'greater', left: a('testAccuracy'), right: 0.975 });
    expect(alone.seeds).toEqual([1, 2, 3]);
    expect(alone.verdicts).toEqual([
      { seed: 1, holds: true },
      { seed: 2, holds: false },
      { seed: 3, holds: true },
    ]);
    // `a` beats `b` on seeds 1 and 2 (the ones they share); `a` alone fails on seed 2 only.
    const mixed = check({ kind: 'all', checks: [{ kind: 'greater', left: a('testAccuracy'), right: b('testAccuracy') }, { kind: 'less', left: a('testAccuracy'), right: 0.985 }] });
    expect(mixed.seeds).toEqual([1, 2, 3]);
    expect(mixed.failing).toEqual([3]);
  });

  it('gives the margin on the worst seed, in the unit of the quantities, with that seed', () => {
    const r = check({ kind: 'greater', left: a('testAccuracy'), right: b('testAccuracy') });
    expect(r.margin.seed).toBe(2);
    expect(r.margin.value).toBeCloseTo(0.01, 10);
    expect(r.margin.unit).toBe('accuracy');
    expect(r.margin.comparison).toBe('a: test accuracy > b: test accuracy');
    const z = check({ kind: 'greater', left: a('edgeWeight', { region: 'bottom-right', digit: 9 }), right: 0 });
    expect([z.margin.unit, z.margin.seed, z.margin.value]).toEqual(['z', 2, 0.4]);
    // Gaps 1.0, 0.4, 0.9: standard deviation 0.3215…; the worst is 1.24 of them from failing.
    expect(z.margin.spreads).toBeCloseTo(0.4 / Math.sqrt(((1 - 0.7667) ** 2 + (0.4 - 0.7667) ** 2 + (0.9 - 0.7667) ** 2) / 2), 2);
    expect(check({ kind: 'greater', left: a('testAccuracy'), right: 0.975 }).margin.spreads).toBeLessThan(0);
  });

  it('checks a claim about the data set once, on no seed, and says so when it fails', () => {
    const owner = { metric: 'shareOfInkers', region: 'bottom-right', digit: 9 } as Quantity;
    const holds = check({ kind: 'largest', quantity: owner, among: [{ metric: 'shareOfInkers', region: 'bottom-right', digit: 7 }] });
    expect([holds.aboutData, holds.seeds, holds.holds, holds.margin.seed]).toEqual([true, [], true, null]);
    expect(holds.margin.value).toBeCloseTo(0.55, 10);
    const fails = checkClaims(m, [{ id: 'few', says: 'the 9s ink it alone', check: { kind: 'greater', left: owner, right: 0.8 } }]);
    expect(describeFailures(fails)).toEqual(['few: "the 9s ink it alone" fails on the data set (checked once)']);
  });

  it('fails each kind of check once', () => {
    const acc = a('testAccuracy');
    expect(check({ kind: 'greater', left: acc, right: 0.975 }).failing).toEqual([2]);
    expect(check({ kind: 'greater', left: acc, right: b('testAccuracy'), factor: 1.02 }).failing).toEqual([2]);
    expect(check({ kind: 'less', left: acc, right: 0.985 }).failing).toEqual([3]);
    expect(check({ kind: 'largest', quantity: acc, among: [a('classAccuracy', { digit: 3 })] }).failing).toEqual([]);
    expect(check({ kind: 'largest', quantity: a('classAccuracy', { digit: 3 }), among: [b('testAccuracy')] }).failing).toEqual([1, 2]);
    expect(check({ kind: 'near', left: acc, right: 0.98, tolerance: 0.015 }).failing).toEqual([]);
    expect(check({ kind: 'near', left: acc, right: 0.98, tolerance: 0.005 }).failing).toEqual([2, 3]);
    expect(check({ kind: 'all', checks: [{ kind: 'greater', left: acc, right: 0.9 }, { kind: 'less', left: acc, right: 0.985 }] }).failing).toEqual([3]);
  });

  it('reads every kind of quantity, each seen to fail once', () => {
    const region = { region: 'bottom-right', digit: 9 };
    const cases: [Quantity, number, number[]][] = [
      [a('testAccuracy'), 0.975, [2]],
      [a('classAccuracy', { digit: 3 }), 0.92, [1]],
      [a('edgeWeight', region), 0.5, [2]],
      [a('effectiveEdgeWeight', region), 0.5, [2]],
      [a('effectiveCosine', { digit: 0 }), 0.7, [2]],
      // Mean of 0.9 (or 0.6, 0.8) and nine 0.5s: 0.54, 0.51, 0.53.
      [a('meanEffectiveCosine'), 0.52, [2]],
      [a('meanEffectiveStrength'), 0.15, [2]],
      // One region, its owner the 9: the owner lean is the 9's z.
      [a('ownerEdgeWeight'), 0.5, [2]],
      // 0.8, 0.5, 0.7.
      [a('layer2Smoothness'), 0.6, [2]],
    ];
    for (const [q, bound, fails] of cases) expect(check({ kind: 'greater', left: q, right: bound }).failing, q.metric).toEqual(fails);
    const inkers = (q: Quantity, bound: number) => check({ kind: 'greater', left: q, right: bound }).holds;
    expect(inkers({ metric: 'shareOfInkers', region: 'bottom-right', digit: 7 }, 0.1)).toBe(true);
    expect(inkers({ metric: 'shareOfInkers', region: 'bottom-right', digit: 7 }, 0.2)).toBe(false);
    // The top two inkers, 9s and 7s: 0.85.
    expect(inkers({ metric: 'topInkersShare', region: 'bottom-right', count: 2 }, 0.84)).toBe(true);
    expect(inkers({ metric: 'topInkersShare', region: 'bottom-right', count: 2 }, 0.86)).toBe(false);
  });
});

describe('a check that a cure wins back a share of a loss', () => {
  it('holds when (recovered − hurt) / (intact − hurt) is above the share on every seed', () => {
    const m = {
      variants: [
        { id: 'hurt', seeds: [run(1, 0.7, 0), run(2, 0.8, 0)] },
        { id: 'intact', seeds: [run(1, 0.98, 0), run(2, 0.98, 0)] },
        { id: 'cured', seeds: [run(1, 0.95, 0), run(2, 0.85, 0)] },
      ],
      ink: { regions: [] },
    } as unknown as Manifest;
    const recovers = (share: number): Claim['check'] => ({ kind: 'recovers', recovered: acc('cured'), hurt: acc('hurt'), intact: acc('intact'), share });
    // Seed 1 wins back 0.25 of 0.28 (89 %), seed 2 0.05 of 0.18 (28 %).
    const [half] = checkClaims(m, [{ id: 'half', says: '', check: recovers(0.5) }]);
    expect(half.failing).toEqual([2]);
    expect(half.margin.unit).toBe('share');
    expect(half.margin.value).toBeCloseTo(0.05 / 0.18 - 0.5, 10);
    expect(checkClaims(m, [{ id: 'quarter', says: '', check: recovers(0.25) }])[0].failing).toEqual([]);
  });
});

describe('requireClaimsHold', () => {
  const results = checkClaims(manifest, [
    { id: 'holds', says: 'big beats small', check: { kind: 'greater', left: acc('big'), right: acc('small') } },
    { id: 'fails', says: 'big is above 0.975 on every run', check: { kind: 'greater', left: acc('big'), right: 0.975 } },
  ]);

  it('stops the build on a claim that fails, naming it and its seeds', () => {
    expect(() => requireClaimsHold(results, false)).toThrow(/1 comparison\(s\)[\s\S]*fails: "big is above 0.975 on every run" fails on seeds 2, 3 of 3/);
  });

  it('lets an author’s draft go on, handing back the failures to print', () => {
    expect(requireClaimsHold(results, true)).toEqual(['fails: "big is above 0.975 on every run" fails on seeds 2, 3 of 3']);
  });

  it('says nothing when every claim holds', () => {
    expect(requireClaimsHold(results.slice(0, 1), false)).toEqual([]);
  });
});

describe('quantitySpread', () => {
  it('spreads over every seed of the variant, or over the seeds it shares with another', () => {
    // big's corner weights 0.5, 0.2, 0.6 on seeds 1-3; small has seeds 1 and 2 only.
    const every = quantitySpread(manifest, edge('big'));
    expect([every.min, every.max, every.count]).toEqual([0.2, 0.6, 3]);
    expect(every.mean).toBeCloseTo(1.3 / 3, 10);
    const shared = quantitySpread(manifest, edge('big'), { sharedWith: 'small' });
    expect([shared.min, shared.max, shared.count]).toEqual([0.2, 0.5, 2]);
    expect(shared.mean).toBeCloseTo(0.35, 10);
  });

  it('refuses a variant it shares no seed with', () => {
    const apart = { ...manifest, variants: [...manifest.variants, { id: 'apart', seeds: [run(9, 0.9, 0.1)] }] } as unknown as Manifest;
    expect(() => quantitySpread(apart, edge('big'), { sharedWith: 'apart' })).toThrow(/big has none of the seeds/);
  });
});

describe('byMargin', () => {
  it('puts the claims fewest spreads from failing first, failing ones before all, ties by id', () => {
    const owner = (digit: number) => ({ metric: 'shareOfInkers', region: 'bottom-right', digit }) as Quantity;
    const results = checkClaims(manifest, [
      // Data-set claims: a gap that never varies, Infinity spreads away.
      { id: 'owner', says: '', check: { kind: 'greater', left: owner(9), right: owner(7) } },
      // Gaps 0.18 and 0.15 on seeds 1 and 2: about 7 spreads.
      { id: 'holds', says: '', check: { kind: 'greater', left: acc('big'), right: acc('small') } },
      { id: 'also-owner', says: '', check: { kind: 'greater', left: owner(9), right: owner(4) } },
      // Fails on seed 2: negative spreads.
      { id: 'fails', says: '', check: { kind: 'greater', left: acc('big'), right: 0.975 } },
    ]);
    expect(byMargin(results).map((r) => r.claim.id)).toEqual(['fails', 'holds', 'also-owner', 'owner']);
    // It sorts a copy: the results keep their order.
    expect(results.map((r) => r.claim.id)).toEqual(['owner', 'holds', 'also-owner', 'fails']);
  });
});

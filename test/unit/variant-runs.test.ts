import { describe, expect, it } from 'vitest';
import { FULL_PROFILE, ONE_SEED_PROFILE } from '../../scripts/profiles';
import type { SeedResult } from '../../scripts/run-seed';
import { assembleVariants, seedTasks, taskKey } from '../../scripts/variant-runs';
import { baseVariantId, measuresBehaviour, seedsOf, STUDY_VARIANTS, VARIANTS, variantConfig } from '../../src/experiment/variants';

describe('the training runs of the full profile', () => {
  const tasks = seedTasks(FULL_PROFILE);

  it('are every seed of every variant: five for the experiment, three or five for the optimizer study, three for moved digits', () => {
    expect(tasks.length).toBe(42);
    for (const v of VARIANTS) expect(tasks.filter((t) => t.spec.id === v.id).length, v.id).toBe(5);
    for (const v of STUDY_VARIANTS) expect(tasks.filter((t) => t.spec.id === v.id).length, v.id).toBe(v.trainCount > 1000 ? 3 : 5);
    expect(new Set(tasks.map((t) => taskKey(t.spec.id, t.seedIndex))).size).toBe(42);
  });

  it('start with the heaviest, and their labels name the run, variant, optimizer and seed', () => {
    expect(tasks.slice(0, 17).every((t) => t.spec.architecture === 'mlp' && t.spec.trainCount === 60000)).toBe(true);
    expect(tasks[0].label).toBe('[1/42] mlp-60k · RMSprop (Keras) · seed 1/5');
    expect(tasks.find((t) => t.spec.id === 'mlp-500-sgd' && t.seedIndex === 2)?.label).toMatch(/^\[\d+\/42\] mlp-500-sgd · plain SGD · seed 3\/5$/);
    expect(tasks.find((t) => t.spec.id === 'mlp-60k-translated' && t.seedIndex === 1)?.label).toMatch(
      /^\[\d+\/42\] mlp-60k-translated · RMSprop \(Keras\) · moved ±2 px · seed 2\/3$/,
    );
  });

  it('train each variant with its own optimizer at that optimizer’s rate, on the same seeds across variants', () => {
    const sgd = STUDY_VARIANTS.find((v) => v.id === 'mlp-60k-sgd');
    if (!sgd) throw new Error('no mlp-60k-sgd');
    expect(variantConfig(sgd, FULL_PROFILE.training)).toMatchObject({ optimizer: 'sgd', learningRate: 0.1, seed: FULL_PROFILE.training.seed });
    expect(seedsOf(sgd, FULL_PROFILE.training)).toEqual(seedsOf(VARIANTS[1], FULL_PROFILE.training).slice(0, 3));
    expect(baseVariantId(sgd)).toBe('mlp-60k');
    expect(baseVariantId(VARIANTS[0])).toBe('mlp-500');
  });

  it('train the moved-digits variant like mlp-60k, with maxShift 2 in its config and in no other', () => {
    const translated = STUDY_VARIANTS.find((v) => v.id === 'mlp-60k-translated');
    if (!translated) throw new Error('no mlp-60k-translated');
    expect(baseVariantId(translated)).toBe('mlp-60k');
    expect(variantConfig(translated, FULL_PROFILE.training)).toEqual({ ...variantConfig(VARIANTS[1], FULL_PROFILE.training), maxShift: 2 });
    for (const v of FULL_PROFILE.variants.filter((x) => x !== translated)) expect(variantConfig(v, FULL_PROFILE.training), v.id).not.toHaveProperty('maxShift');
    // Behaviour tests: the experiment and every 60k study variant, not the 500-image study variants.
    expect(FULL_PROFILE.variants.filter(measuresBehaviour).map((v) => v.id)).toEqual([
      'mlp-500', 'mlp-60k', 'linear-60k', 'mlp-60k-rmsprop-tfjs', 'mlp-60k-adam', 'mlp-60k-sgd', 'mlp-60k-translated',
    ]);
  });

  it('come to one seed a variant in the one-seed profile', () => {
    expect(seedTasks(ONE_SEED_PROFILE).length).toBe(FULL_PROFILE.variants.length);
  });
});

describe('assembleVariants', () => {
  it('puts each variant’s seeds in order, the figure seed first, and fails when a run is missing', () => {
    const profile = { ...FULL_PROFILE, variants: [{ ...VARIANTS[0], seeds: 2 }] };
    const result = (k: number): SeedResult =>
      ({ figure: k === 0 ? { id: 'mlp-500' } : null, seed: { seed: 100 + k } }) as unknown as SeedResult;
    const results = new Map([
      [taskKey('mlp-500', 1), result(1)],
      [taskKey('mlp-500', 0), result(0)],
    ]);
    const [variant] = assembleVariants(profile, results);
    expect(variant.id).toBe('mlp-500');
    expect(variant.seeds.map((s) => s.seed)).toEqual([100, 101]);
    results.delete(taskKey('mlp-500', 1));
    expect(() => assembleVariants(profile, results)).toThrow(/no result for mlp-500 seed 2/);
  });
});

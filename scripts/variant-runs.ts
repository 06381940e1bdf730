import { OPTIMIZERS } from '../src/experiment/optimizers';
import type { VariantEntry } from '../src/lib/manifest';
import type { Profile } from './profiles';
import type { SeedResult, SeedTask } from './run-seed';

/**
 * Every training run of a profile, the heaviest first (so that parallel runners finish together),
 * each labelled with its place among all runs, its variant, optimizer and seed.
 */
export function seedTasks(profile: Profile): SeedTask[] {
  const tasks = profile.variants.flatMap((spec) => Array.from({ length: spec.seeds }, (_, seedIndex) => ({ spec, seedIndex })));
  const cost = ({ spec }: { spec: SeedTask['spec'] }) => spec.trainCount * (spec.architecture === 'mlp' ? 10 : 1);
  return tasks
    .map((t, order) => ({ ...t, order }))
    .sort((a, b) => cost(b) - cost(a) || a.order - b.order)
    .map(({ spec, seedIndex }, i) => ({
      spec,
      seedIndex,
      label: `[${i + 1}/${tasks.length}] ${spec.id} · ${OPTIMIZERS[spec.optimizer].label}${spec.maxShift ? ` · moved ±${spec.maxShift} px` : ''} · seed ${seedIndex + 1}/${spec.seeds}`,
    }));
}

/** The manifest's variants, in the profile's order, from the results of every run. */
export function assembleVariants(profile: Profile, results: ReadonlyMap<string, SeedResult>): VariantEntry[] {
  return profile.variants.map((spec) => {
    const runs = Array.from({ length: spec.seeds }, (_, k) => {
      const result = results.get(taskKey(spec.id, k));
      if (!result) throw new Error(`no result for ${spec.id} seed ${k + 1}`);
      return result;
    });
    const figure = runs[0].figure;
    if (!figure) throw new Error(`${spec.id}: the figures' seed made no figures`);
    return { ...figure, seeds: runs.map((r) => r.seed) };
  });
}

export function taskKey(variantId: string, seedIndex: number): string {
  return `${variantId}#${seedIndex}`;
}

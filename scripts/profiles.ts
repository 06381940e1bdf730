import type { Manifest } from '../src/lib/manifest';
import { DEFAULT_TRAINING, type TrainingConfig } from '../src/experiment/training';
import { STUDY_VARIANTS, VARIANTS, type VariantSpec } from '../src/experiment/variants';

/**
 * A pipeline configuration: the article's (`full`), the same with one seed per variant for authors
 * (`one-seed`), or a reduced one for tests (`quick`). The manifest records its name.
 */
export interface Profile {
  name: Manifest['profile'];
  training: TrainingConfig;
  variants: VariantSpec[];
  /** Test images used for evaluation (the first N of the 10,000). */
  testCount: number;
}

/** The experiment's variants, then the optimizer study's. */
const ALL_VARIANTS: readonly VariantSpec[] = [...VARIANTS, ...STUDY_VARIANTS];

export const FULL_PROFILE: Profile = {
  name: 'full',
  training: DEFAULT_TRAINING,
  variants: [...ALL_VARIANTS],
  testCount: 10000,
};

/**
 * The full configuration with one seed per variant: the figures of the first seed, in about a
 * third of the time, for authors. The claims cannot be checked across seeds, and the page says so.
 */
export const ONE_SEED_PROFILE: Profile = {
  ...FULL_PROFILE,
  name: 'one-seed',
  variants: ALL_VARIANTS.map((v) => ({ ...v, seeds: 1 })),
};

/** Same variants and code paths, far less work: for tests, never for the article. */
export const QUICK_PROFILE: Profile = {
  name: 'quick',
  training: { ...DEFAULT_TRAINING, epochs: 1 },
  variants: ALL_VARIANTS.map((v) => ({
    ...v,
    trainCount: Math.min(v.trainCount, v.trainCount > 1000 ? 1000 : 200),
    seeds: Math.min(v.seeds, 2),
  })),
  testCount: 500,
};

import { DEFAULT_TRAINING, type TrainingConfig, VARIANTS, type VariantSpec } from '../src/lib/model';

/** A pipeline configuration: the article's (`full`) or a reduced one for tests (`quick`). */
export interface Profile {
  name: 'full' | 'quick';
  training: TrainingConfig;
  variants: VariantSpec[];
  /** Test images used for evaluation (the first N of the 10,000). */
  testCount: number;
}

export const FULL_PROFILE: Profile = {
  name: 'full',
  training: DEFAULT_TRAINING,
  variants: [...VARIANTS],
  testCount: 10000,
};

/** Same variants and code paths, far less work: for tests, never for the article. */
export const QUICK_PROFILE: Profile = {
  name: 'quick',
  training: { ...DEFAULT_TRAINING, epochs: 1 },
  variants: VARIANTS.map((v) => ({ ...v, trainCount: Math.min(v.trainCount, v.trainCount > 1000 ? 1000 : 200) })),
  testCount: 500,
};

export function profileByName(name: string): Profile {
  if (name === 'full') return FULL_PROFILE;
  if (name === 'quick') return QUICK_PROFILE;
  throw new Error(`unknown profile "${name}" (expected full or quick)`);
}

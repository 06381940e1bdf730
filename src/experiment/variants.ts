import type { Architecture } from './networks';
import { OPTIMIZERS, type OptimizerName } from './optimizers';
import type { TrainingConfig } from './training';

/**
 * A trained variant the pipeline produces and the article shows. `experiment` variants are the
 * original's (Keras RMSprop) and get every figure; `study` variants retrain an experiment variant
 * with another optimizer, or on moved digits, and keep only their output images.
 */
export interface VariantSpec {
  id: string;
  architecture: Architecture;
  trainCount: number;
  optimizer: OptimizerName;
  /** How many seeds to train; the first (`TrainingConfig.seed`) makes the figures. */
  seeds: number;
  role: 'experiment' | 'study';
  /** Train on moved digits, shifted up to this many rows and columns (`TrainingConfig.maxShift`). */
  maxShift?: number;
  /** The experiment variant a study variant retrains, when its id does not end in its optimizer's name. */
  base?: string;
}

/** The three models of the original experiment. */
export const VARIANTS: readonly VariantSpec[] = [
  { id: 'mlp-500', architecture: 'mlp', trainCount: 500, optimizer: 'rmsprop-keras', seeds: 5, role: 'experiment' },
  { id: 'mlp-60k', architecture: 'mlp', trainCount: 60000, optimizer: 'rmsprop-keras', seeds: 5, role: 'experiment' },
  { id: 'linear-60k', architecture: 'linear', trainCount: 60000, optimizer: 'rmsprop-keras', seeds: 5, role: 'experiment' },
];

/**
 * The optimizer study: the two multi-layer variants retrained with each other optimizer. Then the
 * data-side study: the 60k network, same optimizer, trained on digits moved up to 2 pixels.
 */
export const STUDY_VARIANTS: readonly VariantSpec[] = [
  ...(['rmsprop-tfjs', 'adam', 'sgd'] as const).flatMap((optimizer) => [
    { id: `mlp-500-${optimizer}`, architecture: 'mlp', trainCount: 500, optimizer, seeds: 5, role: 'study' } as const,
    { id: `mlp-60k-${optimizer}`, architecture: 'mlp', trainCount: 60000, optimizer, seeds: 3, role: 'study' } as const,
  ]),
  { id: 'mlp-60k-translated', architecture: 'mlp', trainCount: 60000, optimizer: 'rmsprop-keras', seeds: 3, role: 'study', maxShift: 2, base: 'mlp-60k' },
];

/** The experiment variant `spec` retrains (with another optimizer, or on moved digits), or itself. */
export function baseVariantId(spec: Pick<VariantSpec, 'id' | 'optimizer' | 'role' | 'base'>): string {
  if (spec.base) return spec.base;
  return spec.role === 'study' ? spec.id.slice(0, -spec.optimizer.length - 1) : spec.id;
}

/** The seeds of a variant: the figure seed first, then the following integers. */
export function seedsOf(spec: VariantSpec, config: TrainingConfig): number[] {
  return Array.from({ length: spec.seeds }, (_, k) => config.seed + k);
}

/** The training configuration of one seed of a variant: its optimizer, at that optimizer's rate. */
export function variantConfig(spec: VariantSpec, base: TrainingConfig, seed = base.seed): TrainingConfig {
  const config: TrainingConfig = { ...base, optimizer: spec.optimizer, learningRate: OPTIMIZERS[spec.optimizer].learningRate, seed };
  if (spec.maxShift) config.maxShift = spec.maxShift;
  return config;
}

/** Behaviour tests run on every experiment variant and every study variant of a 60k one (not the 500-image study). */
export function measuresBehaviour(spec: VariantSpec): boolean {
  if (spec.role === 'experiment') return true;
  return VARIANTS.find((v) => v.id === baseVariantId(spec))?.trainCount === 60000;
}

import type { Architecture } from './networks';
import { OPTIMIZERS, type OptimizerName } from './optimizers';
import type { TrainingConfig } from './training';

/**
 * A trained variant the pipeline produces and the article shows. `experiment` variants are the
 * original's (Keras RMSprop) and get every figure; `study` variants retrain an experiment variant
 * with another optimizer and keep only their output images.
 */
export interface VariantSpec {
  id: string;
  architecture: Architecture;
  trainCount: number;
  optimizer: OptimizerName;
  /** How many seeds to train; the first (`TrainingConfig.seed`) makes the figures. */
  seeds: number;
  role: 'experiment' | 'study';
}

/** The three models of the original experiment. */
export const VARIANTS: readonly VariantSpec[] = [
  { id: 'mlp-500', architecture: 'mlp', trainCount: 500, optimizer: 'rmsprop-keras', seeds: 5, role: 'experiment' },
  { id: 'mlp-60k', architecture: 'mlp', trainCount: 60000, optimizer: 'rmsprop-keras', seeds: 5, role: 'experiment' },
  { id: 'linear-60k', architecture: 'linear', trainCount: 60000, optimizer: 'rmsprop-keras', seeds: 5, role: 'experiment' },
];

/** The optimizer study: the two multi-layer variants retrained with each other optimizer. */
export const STUDY_VARIANTS: readonly VariantSpec[] = (['rmsprop-tfjs', 'adam', 'sgd'] as const).flatMap((optimizer) => [
  { id: `mlp-500-${optimizer}`, architecture: 'mlp', trainCount: 500, optimizer, seeds: 5, role: 'study' } as const,
  { id: `mlp-60k-${optimizer}`, architecture: 'mlp', trainCount: 60000, optimizer, seeds: 3, role: 'study' } as const,
]);

/** The variant `spec` retrains with another optimizer, or itself. */
export function baseVariantId(spec: Pick<VariantSpec, 'id' | 'optimizer' | 'role'>): string {
  return spec.role === 'study' ? spec.id.slice(0, -spec.optimizer.length - 1) : spec.id;
}

/** The seeds of a variant: the figure seed first, then the following integers. */
export function seedsOf(spec: VariantSpec, config: TrainingConfig): number[] {
  return Array.from({ length: spec.seeds }, (_, k) => config.seed + k);
}

/** The training configuration of one seed of a variant: its optimizer, at that optimizer's rate. */
export function variantConfig(spec: VariantSpec, base: TrainingConfig, seed = base.seed): TrainingConfig {
  return { ...base, optimizer: spec.optimizer, learningRate: OPTIMIZERS[spec.optimizer].learningRate, seed };
}

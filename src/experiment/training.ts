import type { OptimizerName } from './optimizers';

/** How a model is trained. */
export interface TrainingConfig {
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
  seed: number;
  /** Train on moved digits: each digit drawn is shifted up to this many rows and columns (absent or 0: not moved). */
  maxShift?: number;
}

/** The experiment's training: the original notebook's settings, and the figures' seed. */
export const DEFAULT_TRAINING: TrainingConfig = {
  optimizer: 'rmsprop-keras',
  learningRate: 0.001,
  batchSize: 128,
  epochs: 6,
  seed: 20261126,
};

import { DEFAULT_TRAINING, type TrainingConfig } from '../experiment/training';
import type { RetrainSettings } from './settings';

/**
 * The training recipe a retraining widget runs for `settings`: the experiment's defaults with the
 * reader's choices. Moved digits go through `TrainingConfig.maxShift`, so the batches come from
 * the pipeline's own `train` and `shiftedBatchTensors`; with no move the config carries no
 * `maxShift`, and the batches are those of the centred recipe.
 */
export function widgetTrainingConfig(settings: RetrainSettings): TrainingConfig {
  return {
    ...DEFAULT_TRAINING,
    optimizer: settings.optimizer,
    learningRate: settings.learningRate,
    batchSize: settings.batchSize,
    epochs: settings.epochs,
    // Seed 1 is the figures' seed; the pipeline's further seeds follow it.
    seed: DEFAULT_TRAINING.seed + settings.seed - 1,
    ...(settings.maxShift > 0 ? { maxShift: settings.maxShift } : {}),
  };
}

import * as tf from '@tensorflow/tfjs';
import { confusionMatrix, perClassAccuracy } from '../src/lib/confusion';
import { headOf, type DigitSet } from '../src/lib/mnist';
import { createModel, disposeModel, type TrainingConfig, type VariantSpec } from '../src/lib/model';
import { type EpochReport, train } from '../src/lib/train';
import type { ProgressReporter } from './progress';

export interface TrainedVariant {
  model: tf.LayersModel;
  history: EpochReport[];
  trainingSeconds: number;
  samplesPerSecond: number;
  testAccuracy: number;
  testLoss: number;
  perClassAccuracy: number[];
}

/** Trains one variant from a fresh seeded model and evaluates it on `test`. */
export async function trainVariant(
  spec: VariantSpec,
  config: TrainingConfig,
  trainSet: DigitSet,
  test: DigitSet,
  progress: ProgressReporter,
): Promise<TrainedVariant> {
  const data = headOf(trainSet, spec.trainCount);
  const model = createModel(spec.architecture, config);
  const bar = progress.startVariant(spec.id, config.epochs, Math.ceil(data.count / config.batchSize));
  const started = performance.now();
  let history: EpochReport[];
  try {
    history = await train(model, data, {
      config,
      test,
      onBatchEnd: (r) => bar.onBatchEnd(r),
      onEpochEnd: (r) => bar.onEpochEnd(r),
    });
  } catch (error) {
    disposeModel(model);
    throw error;
  } finally {
    bar.stop();
  }
  const trainingSeconds = (performance.now() - started) / 1000;
  // `train` evaluated the finished model on `test` after its last epoch.
  const final = history[history.length - 1];
  return {
    model,
    history,
    trainingSeconds,
    samplesPerSecond: (data.count * config.epochs) / trainingSeconds,
    testAccuracy: final.testAccuracy,
    testLoss: final.testLoss,
    perClassAccuracy: perClassAccuracy(confusionMatrix(model, test)),
  };
}

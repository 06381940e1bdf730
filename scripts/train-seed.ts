import * as tf from '@tensorflow/tfjs';
import { confusionMatrix, perClassAccuracy } from '../src/lib/confusion';
import { headOf, type DigitSet } from '../src/lib/mnist';
import type { TrainingConfig } from '../src/experiment/training';
import type { VariantSpec } from '../src/experiment/variants';
import { createModel, disposeModel } from '../src/lib/model';
import { evaluate, type EpochReport, train } from '../src/lib/train';
import type { ProgressReporter } from './progress';

export interface TrainedSeed {
  model: tf.LayersModel;
  /** Per-epoch reports; their test figures are NaN unless `evaluateEachEpoch`. */
  history: EpochReport[];
  trainingSeconds: number;
  samplesPerSecond: number;
  testAccuracy: number;
  testLoss: number;
  perClassAccuracy: number[];
}

export interface TrainSeedOptions {
  /** What the progress display calls this run, e.g. "mlp-60k · adam · seed 2/3". */
  label: string;
  /** Evaluate on `test` after every epoch (the figure seed's history), not only at the end. */
  evaluateEachEpoch: boolean;
}

/** Trains one seed of a variant, a fresh model seeded by `config.seed`, and evaluates it on `test`. */
export async function trainSeed(
  spec: VariantSpec,
  config: TrainingConfig,
  trainSet: DigitSet,
  test: DigitSet,
  progress: ProgressReporter,
  options: TrainSeedOptions,
): Promise<TrainedSeed> {
  const data = headOf(trainSet, spec.trainCount);
  const model = createModel(spec.architecture, config);
  const bar = progress.startVariant(options.label, config.epochs, Math.ceil(data.count / config.batchSize));
  const started = performance.now();
  let history: EpochReport[];
  let final: { loss: number; accuracy: number; perClassAccuracy: number[] };
  try {
    history = await train(model, data, {
      config,
      test: options.evaluateEachEpoch ? test : undefined,
      onBatchEnd: (r) => bar.onBatchEnd(r),
      onEpochEnd: (r) => bar.onEpochEnd(r),
    });
    // With per-epoch evaluation, `train` already evaluated the finished model on `test`; only the
    // per-class accuracy is missing.
    const last = history[history.length - 1];
    final = options.evaluateEachEpoch
      ? { loss: last.testLoss, accuracy: last.testAccuracy, perClassAccuracy: perClassAccuracy(await confusionMatrix(model, test)) }
      : await evaluate(model, test);
  } catch (error) {
    disposeModel(model);
    throw error;
  } finally {
    bar.stop();
  }
  const trainingSeconds = (performance.now() - started) / 1000;
  return {
    model,
    history,
    trainingSeconds,
    samplesPerSecond: (data.count * config.epochs) / trainingSeconds,
    testAccuracy: final.accuracy,
    testLoss: final.loss,
    perClassAccuracy: final.perClassAccuracy,
  };
}

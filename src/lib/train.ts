import * as tf from '@tensorflow/tfjs';
import { batchTensors } from './batches';
import { countGuesses, emptyConfusion, overallAccuracy, perClassAccuracy } from './confusion';
import type { DigitSet } from './mnist';
import type { TrainingConfig } from '../experiment/training';
import { createRandom, deriveSeed, permutation } from './rng';
import { shiftedBatchTensors } from './shifted-batches';

export interface BatchReport {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  /** Running means over the epoch so far. */
  loss: number;
  accuracy: number;
}

export interface EpochReport {
  epoch: number;
  loss: number;
  accuracy: number;
  testLoss: number;
  testAccuracy: number;
  seconds: number;
}

export interface TrainOptions {
  config: TrainingConfig;
  /** Evaluated after every epoch when given. */
  test?: DigitSet;
  onBatchEnd?: (report: BatchReport) => void | Promise<void>;
  onEpochEnd?: (report: EpochReport) => void | Promise<void>;
  /** Stops training after the current batch; `train` then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Epoch to start counting from, when resuming. */
  firstEpoch?: number;
}

/** One optimisation step on a batch; returns the batch's mean loss and accuracy. */
export type StepFunction = (xs: tf.Tensor2D, ys: tf.Tensor2D) => Promise<[number, number]>;

/** The default step: Keras-style `trainOnBatch` on the compiled model. */
export function fitStep(model: tf.LayersModel): StepFunction {
  return async (xs, ys) => {
    const out = (await model.trainOnBatch(xs, ys)) as number[];
    return [out[0], out[1]];
  };
}

/**
 * Trains a compiled model on `data` for `config.epochs` epochs, shuffling each epoch with a
 * generator seeded from `config.seed`, in batches of `config.batchSize`.
 */
export async function train(
  model: tf.LayersModel,
  data: DigitSet,
  options: TrainOptions,
  step: StepFunction = fitStep(model),
): Promise<EpochReport[]> {
  const { config, signal } = options;
  const random = createRandom(deriveSeed(config.seed, 1000));
  const maxShift = config.maxShift ?? 0;
  const shiftRandom = maxShift > 0 ? createRandom(deriveSeed(config.seed, 1001)) : null;
  const batchesPerEpoch = Math.ceil(data.count / config.batchSize);
  const history: EpochReport[] = [];
  const first = options.firstEpoch ?? 0;
  for (let epoch = first; epoch < first + config.epochs; epoch++) {
    const started = performance.now();
    const order = permutation(data.count, random);
    let lossSum = 0;
    let correctSum = 0;
    let seen = 0;
    for (let batch = 0; batch < batchesPerEpoch; batch++) {
      signal?.throwIfAborted();
      const start = batch * config.batchSize;
      const end = Math.min(start + config.batchSize, data.count);
      const { xs, ys } = shiftRandom
        ? shiftedBatchTensors(data, order, start, end, maxShift, shiftRandom)
        : batchTensors(data, order, start, end);
      let loss: number;
      let accuracy: number;
      try {
        [loss, accuracy] = await step(xs, ys);
      } finally {
        xs.dispose();
        ys.dispose();
      }
      const n = end - start;
      lossSum += loss * n;
      correctSum += accuracy * n;
      seen += n;
      await options.onBatchEnd?.({ epoch, batch, batchesPerEpoch, loss: lossSum / seen, accuracy: correctSum / seen });
    }
    const test = options.test ? await evaluate(model, options.test) : { loss: NaN, accuracy: NaN };
    const report: EpochReport = {
      epoch,
      loss: lossSum / seen,
      accuracy: correctSum / seen,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
      seconds: (performance.now() - started) / 1000,
    };
    history.push(report);
    await options.onEpochEnd?.(report);
  }
  return history;
}

/**
 * Mean categorical cross-entropy, accuracy and per-class accuracy (digits 0-9) of `model` on
 * `set`, from one forward pass per chunk.
 */
export async function evaluate(model: tf.LayersModel, set: DigitSet, chunk = 1000): Promise<{ loss: number; accuracy: number; perClassAccuracy: number[] }> {
  let lossSum = 0;
  const matrix = emptyConfusion();
  for (let start = 0; start < set.count; start += chunk) {
    const end = Math.min(start + chunk, set.count);
    const [lossTensor, guessTensor] = tf.tidy(() => {
      const { xs, ys } = batchTensors(set, null, start, end);
      // One forward pass per chunk: predict's default batch of 32 would make it 32 passes.
      const probs = model.predict(xs, { batchSize: chunk }) as tf.Tensor2D;
      const clipped = probs.clipByValue(1e-7, 1 - 1e-7);
      const perRow = ys.mul(clipped.log()).sum(1).neg();
      return [perRow.sum(), probs.argMax(1)];
    });
    // Read asynchronously: the WebGPU backend cannot read synchronously in a worker.
    const [loss, guesses] = await Promise.all([lossTensor.data(), guessTensor.data()]);
    tf.dispose([lossTensor, guessTensor]);
    lossSum += loss[0];
    countGuesses(matrix, set.labels, start, guesses);
  }
  return {
    loss: lossSum / set.count,
    accuracy: overallAccuracy(matrix),
    perClassAccuracy: perClassAccuracy(matrix),
  };
}

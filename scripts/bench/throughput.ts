import type * as tf from '@tensorflow/tfjs';
import type { DigitSet } from '../../src/lib/mnist';
import { headOf } from '../../src/lib/mnist';
import { DEFAULT_TRAINING } from '../../src/experiment/training';
import type { VariantSpec } from '../../src/experiment/variants';
import { createModel, disposeModel } from '../../src/lib/model';
import { train } from '../../src/lib/train';

/**
 * Training throughput of one variant on the active backend, in samples per second, through the
 * pipeline's own `train` loop. Runs at least `batches` batches of the variant's data (repeating
 * epochs for small sets) and leaves the first batch out of the timing as a warm-up. `optimizer`
 * replaces the model's default RMSprop.
 */
export async function measureThroughput(
  spec: VariantSpec,
  trainSet: DigitSet,
  batches: number,
  optimizer?: (learningRate: number) => tf.Optimizer,
): Promise<number> {
  const config = DEFAULT_TRAINING;
  const count = Math.min(spec.trainCount, (batches + 1) * config.batchSize);
  const data = headOf(trainSet, count);
  const perEpoch = Math.ceil(count / config.batchSize);
  const epochs = Math.ceil((batches + 1) / perEpoch);
  const model = createModel(spec.architecture, config, optimizer?.(config.learningRate));
  let started = 0;
  try {
    await train(model, data, {
      config: { ...config, epochs },
      onBatchEnd: (r) => {
        if (r.epoch === 0 && r.batch === 0) started = performance.now();
      },
    });
  } finally {
    disposeModel(model);
  }
  const seconds = (performance.now() - started) / 1000;
  const samples = count * epochs - Math.min(count, config.batchSize);
  return samples / seconds;
}

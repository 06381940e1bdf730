import * as tf from '@tensorflow/tfjs';
import { batchTensors } from '../lib/batches';
import type { DigitSet } from '../lib/mnist';
import { type Architecture, createModel, disposeModel, type TrainingConfig } from '../lib/model';
import type { AutoChoice, BackendRate } from './protocol';
import type { TrainingBackend } from './settings';
import { startBackend } from './worker-backend';

/** Timed batches stop once this much time has passed (after at least one). */
const TIMED_MS = 150;
/** At most this many timed batches per backend. */
const MAX_TIMED = 4;

/**
 * Times each candidate backend on a throwaway copy of the model about to be trained: one batch
 * to warm it up (shader compilation, buffer allocation, first-call set-up), then a few timed
 * batches of the reader's batch size, and chooses the fastest. With one candidate there is
 * nothing to time. The backend left running is the chosen one.
 */
export async function chooseBackend(
  candidates: readonly TrainingBackend[],
  architecture: Architecture,
  config: TrainingConfig,
  data: DigitSet,
  fastKernels: boolean,
): Promise<AutoChoice> {
  if (candidates.length < 2) return { backend: candidates[0] ?? 'cpu', rates: [], ms: 0 };
  const started = performance.now();
  const rates: BackendRate[] = [];
  for (const backend of candidates) {
    if ((await startBackend(backend, fastKernels)).name !== backend) continue;
    rates.push({ backend, samplesPerSecond: await timeBatches(architecture, config, data) });
  }
  const fastest = rates.reduce<BackendRate | null>((best, r) => (!best || r.samplesPerSecond > best.samplesPerSecond ? r : best), null);
  const backend = fastest?.backend ?? 'cpu';
  await startBackend(backend, fastKernels);
  return { backend, rates, ms: performance.now() - started };
}

/** Training samples a second on the current backend, on warm batches; frees all it makes. */
async function timeBatches(architecture: Architecture, config: TrainingConfig, data: DigitSet): Promise<number> {
  const model = createModel(architecture, config);
  const size = Math.min(config.batchSize, data.count);
  const { xs, ys } = batchTensors(data, null, 0, size);
  try {
    await model.trainOnBatch(xs, ys);
    let batches = 0;
    const start = performance.now();
    do {
      // trainOnBatch reads the loss back, so each batch has finished on the device when it returns.
      await model.trainOnBatch(xs, ys);
      batches++;
    } while (batches < MAX_TIMED && performance.now() - start < TIMED_MS);
    return (batches * size) / ((performance.now() - start) / 1000);
  } finally {
    tf.dispose([xs, ys]);
    disposeModel(model);
  }
}

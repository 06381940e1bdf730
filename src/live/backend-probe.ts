import * as tf from '@tensorflow/tfjs';
import { batchTensors } from '../lib/batches';
import type { DigitSet } from '../lib/mnist';
import { createModel, disposeModel } from '../lib/model';
import { type Architecture } from '../experiment/networks';
import { type TrainingConfig } from '../experiment/training';
import type { AutoChoice, BackendRate } from './protocol';
import type { TrainingBackend } from './settings';
import { startBackend } from './worker-backend';

/** Each candidate gets this long, warm-up included; a slower one is judged by what it did in time. */
const BUDGET_MS = 450;
/** The warm-up batch: small, since it is there to compile shaders and allocate, not to be timed. */
const WARM_BATCH = 8;
/** At most this many timed batches per candidate. */
const MAX_TIMED = 4;

/**
 * Times each candidate backend on a throwaway copy of the model about to be trained, within
 * about half a second each: a small batch to warm it up (shader compilation, buffer allocation,
 * first-call set-up), then timed batches of the reader's batch size, and chooses the fastest.
 * With one candidate there is nothing to time. The backend left running is the chosen one.
 */
export async function chooseFastestBackend(
  candidates: readonly TrainingBackend[],
  architecture: Architecture,
  config: TrainingConfig,
  data: DigitSet,
  fastKernels: boolean,
): Promise<AutoChoice> {
  if (candidates.length < 2) return { backend: candidates[0] ?? 'cpu', rates: [], ms: 0 };
  // Time spent timing: starting a backend is not counted, as training needs the chosen one started anyway.
  let ms = 0;
  const rates: BackendRate[] = [];
  for (const backend of candidates) {
    if ((await startBackend(backend, fastKernels)).name !== backend) continue;
    const started = performance.now();
    rates.push({ backend, samplesPerSecond: await timeBatches(architecture, config, data) });
    ms += performance.now() - started;
  }
  const backend = fastestRate(rates)?.backend ?? 'cpu';
  await startBackend(backend, fastKernels);
  return { backend, rates, ms };
}

/** The fastest of the measured rates (the first of equals), or null when none was measured. */
export function fastestRate(rates: readonly BackendRate[]): BackendRate | null {
  return rates.reduce<BackendRate | null>((best, r) => (!best || r.samplesPerSecond > best.samplesPerSecond ? r : best), null);
}

/**
 * Training samples a second on the current backend, on warm batches. When the budget runs out
 * first, the rate is an upper bound: the batches done, plus the one under way as if it ended now
 * (0 if the warm-up has not ended). Work still queued then finishes in the background, stops
 * there, and frees what it made. A backend that fails gets 0.
 */
async function timeBatches(architecture: Architecture, config: TrainingConfig, data: DigitSet): Promise<number> {
  const model = createModel(architecture, config);
  const size = Math.min(config.batchSize, data.count);
  const warm = batchTensors(data, null, 0, Math.min(WARM_BATCH, size));
  const full = batchTensors(data, null, 0, size);
  let expired = false;
  let warmedAt = 0;
  let batches = 0;
  let lastEnd = 0;
  let finished = false;
  const run = (async () => {
    // trainOnBatch reads the loss back, so each batch has finished on the device when it returns.
    await model.trainOnBatch(warm.xs, warm.ys);
    warmedAt = lastEnd = performance.now();
    while (!expired && batches < MAX_TIMED && lastEnd - warmedAt < BUDGET_MS / 3) {
      await model.trainOnBatch(full.xs, full.ys);
      batches++;
      lastEnd = performance.now();
    }
    finished = true;
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, BUDGET_MS)));
  let failed = false;
  const settled = run.catch(() => {
    failed = true;
  });
  await Promise.race([settled, deadline]);
  clearTimeout(timer);
  expired = true;
  const now = performance.now();
  void settled.finally(() => {
    tf.dispose([warm.xs, warm.ys, full.xs, full.ys]);
    disposeModel(model);
  });
  if (failed || !warmedAt) return 0;
  if (finished) return (batches * size * 1000) / (lastEnd - warmedAt);
  return ((batches + 1) * size * 1000) / (now - warmedAt);
}

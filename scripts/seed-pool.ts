import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DigitSet } from '../src/lib/mnist';
import type { BackendName } from './backend';
import type { Profile } from './profiles';
import type { ProgressReporter, VariantProgress } from './progress';
import { runSeed, type SeedResult, type SeedTask } from './run-seed';
import type { FromSeedWorker, SeedWorkerData, ToSeedWorker } from './seed-messages';
import { taskKey } from './variant-runs';

export interface PoolOptions {
  dir: string;
  profile: Profile;
  backend: BackendName;
  /** Training runs at once: 1 runs them here, in order; more start that many worker threads. */
  jobs: number;
  /** Backend threads per worker (wasm: XNNPACK threads). */
  threadsPerJob: number;
  progress: ProgressReporter;
  /** The data, for runs in this thread (`jobs` 1); workers load their own. */
  train: DigitSet;
  test: DigitSet;
}

/**
 * Runs every task and returns the results by `taskKey`. Each run depends only on its variant and
 * seed, not on where or alongside what it runs, so any number of jobs gives the same bytes.
 */
export async function runSeeds(tasks: readonly SeedTask[], options: PoolOptions): Promise<Map<string, SeedResult>> {
  const results = new Map<string, SeedResult>();
  if (options.jobs <= 1) {
    for (const task of tasks) results.set(taskKey(task.spec.id, task.seedIndex), await runSeed(task, options));
    return results;
  }
  const workers = Array.from({ length: Math.min(options.jobs, tasks.length) }, () => startWorker(options));
  const queue = [...tasks];
  const bars = new Map<string, VariantProgress>();
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const task = queue.shift();
              if (!task) return resolve();
              const message: ToSeedWorker = { key: taskKey(task.spec.id, task.seedIndex), task };
              worker.postMessage(message);
            };
            worker.on('message', (m: FromSeedWorker) => {
              switch (m.type) {
                case 'start':
                  bars.set(m.key, options.progress.startVariant(m.label, m.epochs, m.batchesPerEpoch));
                  return;
                case 'batch':
                  return bars.get(m.key)?.onBatchEnd(m.report);
                case 'epoch':
                  return bars.get(m.key)?.onEpochEnd(m.report);
                case 'stop':
                  bars.get(m.key)?.stop();
                  bars.delete(m.key);
                  return;
                case 'log':
                  return options.progress.log(m.line);
                case 'done':
                  results.set(m.key, m.result);
                  return next();
                case 'error':
                  return reject(new Error(`training ${m.key.replace('#', ' seed index ')} failed in a worker: ${m.message}`));
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => code !== 0 && reject(new Error(`a training worker exited with code ${code}`)));
            next();
          }),
      ),
    );
  } finally {
    for (const bar of bars.values()) bar.stop();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

function startWorker(options: PoolOptions): Worker {
  const data: SeedWorkerData = { profile: options.profile, dir: options.dir, backend: options.backend, threads: options.threadsPerJob };
  // A plain-JavaScript entry that registers tsx, since a worker does not inherit the parent's loader.
  return new Worker(pathToFileURL(join(import.meta.dirname, 'seed-worker-entry.mjs')), { workerData: data });
}

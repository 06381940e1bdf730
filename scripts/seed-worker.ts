/**
 * A worker thread that trains seeds for the pipeline's pool: it starts its own TensorFlow.js
 * backend, loads MNIST, then runs the tasks it is sent one at a time and posts their results.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { headOf } from '../src/lib/mnist';
import { chooseBackend } from './backend';
import { loadMnist } from './mnist-files';
import type { ProgressReporter } from './progress';
import { runSeed, type SeedTask } from './run-seed';
import type { FromSeedWorker, SeedWorkerData, ToSeedWorker } from './seed-messages';

const port = parentPort;
if (!port) throw new Error('seed-worker.ts runs as a worker thread');
const { profile, dir, backend, threads } = workerData as SeedWorkerData;
const post = (message: FromSeedWorker) => port.postMessage(message);

const ready = (async () => {
  const choice = await chooseBackend(backend, threads);
  if (choice.name !== backend) throw new Error(`the worker got the ${choice.name} backend, not ${backend}: ${choice.reason}`);
  const { train, test } = await loadMnist();
  return { choice, train, test: headOf(test, Math.min(profile.testCount, test.count)) };
})();

function progressFor(key: string): ProgressReporter {
  return {
    log: (line) => post({ type: 'log', line }),
    startVariant(label, epochs, batchesPerEpoch) {
      post({ type: 'start', key, label, epochs, batchesPerEpoch });
      return {
        onBatchEnd: (report) => post({ type: 'batch', key, report }),
        onEpochEnd: (report) => post({ type: 'epoch', key, report }),
        stop: () => post({ type: 'stop', key }),
      };
    },
  };
}

port.on('message', (message: ToSeedWorker) => {
  const { key, task } = message as { key: string; task: SeedTask };
  ready
    .then(async ({ choice, train, test }) => {
      const result = await runSeed(task, { dir, profile, train, test, backend: choice.name, progress: progressFor(key) });
      post({ type: 'done', key, result });
    })
    .catch((error: unknown) => post({ type: 'error', key, message: error instanceof Error ? error.stack ?? error.message : String(error) }));
});

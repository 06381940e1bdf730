import type { BatchReport, EpochReport } from '../src/lib/train';
import type { BackendName } from './backend';
import type { Profile } from './profiles';
import type { SeedResult, SeedTask } from './run-seed';

/** The pool's protocol with its worker threads (seed-pool.ts starts them, seed-worker.ts runs in them). */

/** What each worker is started with. */
export interface SeedWorkerData {
  profile: Profile;
  dir: string;
  backend: BackendName;
  threads: number;
}

/** A task for a worker; `key` names it in every message about it. */
export type ToSeedWorker = { key: string; task: SeedTask };

/** A worker's progress, log lines and the end of each task. */
export type FromSeedWorker =
  | { type: 'start'; key: string; label: string; epochs: number; batchesPerEpoch: number }
  | { type: 'batch'; key: string; report: BatchReport }
  | { type: 'epoch'; key: string; report: EpochReport }
  | { type: 'stop'; key: string }
  | { type: 'log'; line: string }
  | { type: 'done'; key: string; result: SeedResult }
  | { type: 'error'; key: string; message: string };

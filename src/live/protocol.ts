import type { Architecture } from '../experiment/networks';
import type { BehaviourEntry } from '../lib/manifest';
import type { EpochReport } from '../lib/train';
import type { LayerView, RetrainSettings, TrainingBackend } from './settings';

/** A digit set as sent to the worker: uint8 pixels [count, 784] and labels [count]. */
export interface DigitBuffers {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** The backend a worker trains on: its name, XNNPACK's threads, and whether the page allowed threads. */
export interface BackendReport {
  name: TrainingBackend;
  /** WebGPU only: the adapter, e.g. `google swiftshader (software)`. */
  adapter?: string;
  threads: number;
  /** The page is cross-origin isolated, which the threaded wasm build needs. */
  isolated: boolean;
  /**
   * Why wasm runs on one thread where threads could help, in the reader's words (no cross-origin
   * isolation, or an engine without SharedArrayBuffer); absent otherwise.
   */
  oneThreadWhy?: string;
  /** The fast matrix-product kernels run (wasm only). */
  fastKernels: boolean;
}

/** Messages from a retraining widget to its worker. */
export type ToWorker =
  | { type: 'data'; train: DigitBuffers; test: DigitBuffers; stripIndices: number[] }
  /**
   * `stockKernels`: train with tfjs's own matrix products (the benchmark's baseline).
   * `autoChoice`: what `auto` chose earlier on this page; without it, `auto` times the candidates.
   */
  | { type: 'train'; settings: RetrainSettings; buildModelUrl: string; stockKernels: boolean; autoChoice: AutoChoice | null }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'reset' }
  | { type: 'view'; view: LayerView }
  | { type: 'memory' }
  | { type: 'export' }
  /** Run the article's behaviour tests on the trained model again. */
  | { type: 'behaviour' };

/** One backend's training rate on a few warm batches. */
export interface BackendRate {
  backend: TrainingBackend;
  samplesPerSecond: number;
}

/** What `auto` chose: the backend, and the rates it measured (one entry when there was no choice). */
export interface AutoChoice {
  backend: TrainingBackend;
  rates: BackendRate[];
  /** Time spent in the timed training steps, warm-ups included, in ms (0 when there was no choice). */
  ms: number;
}

export type WorkerState = 'idle' | 'loading' | 'training' | 'paused' | 'done';

/** Messages from the worker back to the widget. */
export type FromWorker =
  | { type: 'backend'; backend: BackendReport }
  | { type: 'auto'; choice: AutoChoice }
  | { type: 'state'; state: WorkerState }
  | { type: 'batch'; epoch: number; batch: number; batchesPerEpoch: number; loss: number; accuracy: number }
  | { type: 'epoch'; report: EpochReport }
  | { type: 'images'; view: LayerView; nodes: number; values: Float32Array }
  | { type: 'strip'; guesses: number[] }
  | { type: 'done'; confusion: number[][]; perClass: number[]; testAccuracy: number; samplesPerSecond: number; backend: string }
  | { type: 'memory'; numTensors: number; numBytes: number }
  | { type: 'export'; modelJson: object; weightData: ArrayBuffer; architecture: Architecture }
  /** The behaviour tests have started on the trained model. */
  | { type: 'testing' }
  /** The worker did not start the behaviour tests when training ended, and why. */
  | { type: 'behaviour-skipped'; reason: string }
  /** The article's behaviour tests on the reader's model, trained with `settings`, and how long they took. */
  | { type: 'behaviour'; behaviour: BehaviourEntry; settings: RetrainSettings; seconds: number; backend: string }
  | { type: 'error'; message: string };

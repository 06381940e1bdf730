import type { EpochReport } from '../lib/train';
import type { LayerView, RetrainSettings } from './settings';

/** A digit set as sent to the worker: uint8 pixels [count, 784] and labels [count]. */
export interface DigitBuffers {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** The backend a worker trains on: its name, XNNPACK's threads, and whether the page allowed threads. */
export interface BackendReport {
  name: string;
  threads: number;
  /** The page is cross-origin isolated, which the threaded wasm build needs. */
  isolated: boolean;
  /** The fast matrix-product kernels run (wasm only). */
  fastKernels: boolean;
}

/** Messages from a retraining widget to its worker. */
export type ToWorker =
  | { type: 'data'; train: DigitBuffers; test: DigitBuffers; stripIndices: number[] }
  /** `stockKernels`: train with tfjs's own matrix products (the benchmark's baseline). */
  | { type: 'train'; settings: RetrainSettings; buildModelUrl: string; stockKernels: boolean }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'reset' }
  | { type: 'view'; view: LayerView }
  | { type: 'memory' }
  | { type: 'export' };

export type WorkerState = 'idle' | 'loading' | 'training' | 'paused' | 'done';

/** Messages from the worker back to the widget. */
export type FromWorker =
  | { type: 'backend'; backend: BackendReport }
  | { type: 'state'; state: WorkerState }
  | { type: 'batch'; epoch: number; batch: number; batchesPerEpoch: number; loss: number; accuracy: number }
  | { type: 'epoch'; report: EpochReport }
  | { type: 'images'; view: LayerView; nodes: number; values: Float32Array }
  | { type: 'strip'; guesses: number[] }
  | { type: 'done'; confusion: number[][]; perClass: number[]; testAccuracy: number; samplesPerSecond: number; backend: string }
  | { type: 'memory'; numTensors: number; numBytes: number }
  | { type: 'export'; modelJson: object; weightData: ArrayBuffer; architecture: string }
  | { type: 'error'; message: string };

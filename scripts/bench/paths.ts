import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from '../backend';
import { installFastKernels, uninstallFastKernels } from '../fast/index';

/** One way of running training that the benchmark compares. */
export interface TrainingPath {
  id: 'wasm-stock' | 'wasm-fast' | 'cpu' | 'tensorflow';
  label: string;
  /** Switches TensorFlow.js to this path; false when it is not available here. */
  activate(): Promise<boolean>;
}

export const TRAINING_PATHS: readonly TrainingPath[] = [
  {
    id: 'tensorflow',
    label: 'tfjs-node',
    activate: async () => (await chooseBackend('tensorflow').catch(() => null))?.name === 'tensorflow',
  },
  {
    id: 'wasm-stock',
    label: 'wasm, stock kernels',
    activate: async () => {
      if ((await chooseBackend('wasm')).name !== 'wasm') return false;
      uninstallFastKernels('wasm');
      return true;
    },
  },
  {
    id: 'wasm-fast',
    label: 'wasm, fast kernels',
    activate: async () => {
      if ((await chooseBackend('wasm')).name !== 'wasm') return false;
      return installFastKernels('wasm').installed.length > 0;
    },
  },
  {
    id: 'cpu',
    label: 'cpu',
    activate: async () => (await chooseBackend('cpu')).name === 'cpu' && tf.getBackend() === 'cpu',
  },
];

import * as tf from '@tensorflow/tfjs';
import { chooseBackend, DEFAULT_WASM_THREADS } from '../backend';
import { installFastKernels, uninstallFastKernels } from '../../src/lib/fast-matmul/install';

/** One way of running training that the benchmark compares. */
export interface TrainingPath {
  id: 'wasm-stock' | 'wasm-fast-1' | 'wasm-fast' | 'cpu' | 'tensorflow';
  label: string;
  /** Switches TensorFlow.js to this path; false when it is not available here. */
  activate(): Promise<boolean>;
  /** The optimizer to train with, when not the model's default (the lean RMSprop). */
  optimizer?: (learningRate: number) => tf.Optimizer;
}

export const TRAINING_PATHS: readonly TrainingPath[] = [
  {
    id: 'tensorflow',
    label: 'tfjs-node',
    activate: async () => (await chooseBackend('tensorflow').catch(() => null))?.name === 'tensorflow',
  },
  {
    id: 'wasm-stock',
    label: 'wasm as shipped (1 thread, stock kernels and RMSprop)',
    activate: async () => {
      if ((await chooseBackend('wasm', 1)).name !== 'wasm') return false;
      uninstallFastKernels('wasm');
      return true;
    },
    optimizer: (learningRate) => tf.train.rmsprop(learningRate),
  },
  {
    id: 'wasm-fast-1',
    label: 'wasm, fast kernels, 1 thread',
    activate: async () => {
      if ((await chooseBackend('wasm', 1)).name !== 'wasm') return false;
      return installFastKernels('wasm').installed.length > 0;
    },
  },
  {
    id: 'wasm-fast',
    label: `wasm optimized (${DEFAULT_WASM_THREADS} threads, fast kernels)`,
    activate: async () => {
      if ((await chooseBackend('wasm', DEFAULT_WASM_THREADS)).name !== 'wasm') return false;
      return installFastKernels('wasm').installed.length > 0;
    },
  },
  {
    id: 'cpu',
    label: 'cpu',
    activate: async () => (await chooseBackend('cpu')).name === 'cpu' && tf.getBackend() === 'cpu',
  },
];

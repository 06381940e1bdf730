import * as tf from '@tensorflow/tfjs';
import { availableParallelism } from 'node:os';
import { installFastKernels } from '../src/lib/fast-matmul/install';
import { quietCpuBanner } from './quiet-cpu-banner';
import { useWasmThreads, wasmThreadsStatus } from './fast/threaded-wasm';

/** The TensorFlow.js backend the pipeline runs on, and why it was chosen. */
export interface BackendChoice {
  name: string;
  reason: string;
}

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

/** XNNPACK threads for the wasm backend by default: one per core, at most 4. */
export const DEFAULT_WASM_THREADS = Math.min(4, availableParallelism());

/**
 * Picks the fastest backend that loads: tfjs-node (native libtensorflow) when its optional
 * package is installed and loads, else the WebAssembly backend (its multi-threaded build with
 * `wasmThreads` threads), else plain JavaScript. `only` forces one backend (for benchmarks and
 * tests). Changing `wasmThreads` between calls re-creates the wasm backend.
 */
export async function chooseBackend(only?: BackendName, wasmThreads = DEFAULT_WASM_THREADS): Promise<BackendChoice> {
  const notes: string[] = [];
  if (!only || only === 'tensorflow') {
    try {
      // A variable specifier keeps bundlers and type-checkers from requiring the optional package.
      const nodePackage = '@tensorflow/tfjs-node';
      await import(nodePackage);
      if (await tf.setBackend('tensorflow')) {
        await tf.ready();
        return { name: 'tensorflow', reason: '@tensorflow/tfjs-node loaded (native libtensorflow)' };
      }
      notes.push('tfjs-node loaded but its backend did not initialise');
    } catch (error) {
      notes.push(isNotInstalled(error) ? TFJS_NODE_MISSING : `@tensorflow/tfjs-node is not available (${firstLine(error)})`);
    }
  }
  if (!only || only === 'wasm') {
    try {
      await useWasmThreads(wasmThreads);
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        const { installed } = installFastKernels('wasm');
        const threads = wasmThreadsStatus().note;
        return { name: 'wasm', reason: withNotes(`WebAssembly backend, ${threads}, fast ${installed.join(', ')} kernels`, notes) };
      }
      notes.push('the wasm backend did not initialise');
    } catch (error) {
      notes.push(`@tensorflow/tfjs-backend-wasm failed (${firstLine(error)})`);
    }
  }
  quietCpuBanner();
  if (await tf.setBackend('cpu')) {
    await tf.ready();
    return { name: 'cpu', reason: withNotes('plain JavaScript CPU backend', notes) };
  }
  throw new Error(`no TensorFlow.js backend could be initialised: ${notes.join('; ')}`);
}

/** The note when the optional native backend is simply not there (npm skipped it, or it was never installed). */
export const TFJS_NODE_MISSING = '@tensorflow/tfjs-node is not installed (optional; see docs/backends.md)';

/** Whether importing tfjs-node failed because the package is not installed, rather than failing to load. */
function isNotInstalled(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' && error instanceof Error && error.message.includes("'@tensorflow/tfjs-node'");
}

function withNotes(what: string, notes: string[]): string {
  return notes.length ? `${what}; ${notes.join('; ')}` : what;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].slice(0, 160);
}

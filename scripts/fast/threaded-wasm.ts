import * as tf from '@tensorflow/tfjs';
// Imported when first used, so that loading this file never requires the wasm package.
import type * as WasmPackage from '@tensorflow/tfjs-backend-wasm';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The wasm backend's multi-threaded build (XNNPACK with a pthread pool) under Node.
 *
 * tfjs-backend-wasm ships this build but only enables it in browsers: its loader hands the pthread
 * workers a Blob URL, which Node's worker_threads cannot open, and its thread count is capped at
 * half of `emscripten_num_logical_cores()`, which is 1 on a 2-core machine. Here the same
 * Emscripten module is loaded with the worker script written to a real file, the core count
 * import answered with twice the wanted thread count, and the backend registered under the name
 * `wasm` so every wasm kernel (and the fast matmul kernels) runs on it unchanged.
 */

const require = createRequire(import.meta.url);
const WASM_PRIORITY = 2;

/** The most threads the build supports: it pre-starts 8 workers and caps its pool at 8. */
export const MAX_WASM_THREADS = 8;

interface EmscriptenModule {
  cwrap(name: string, returns: string | null, args: string[]): (...args: number[]) => number;
  PThread?: { runningWorkers: { unref(): void }[]; unusedWorkers: { terminate(): Promise<number> }[] };
  [key: string]: unknown;
}

type Factory = (config: Record<string, unknown>) => Promise<EmscriptenModule>;

/** The wasm backend's thread count after `setBackend('wasm')`, and a note for the backend log. */
export interface WasmThreadsStatus {
  threads: number;
  note: string;
}

let wasmPackage: typeof WasmPackage | null = null;
let stockFactory: (() => tf.KernelBackend | Promise<tf.KernelBackend>) | null = null;
// What the registered `wasm` factory runs; at import, the stock single-threaded build.
let current: { threads: number; failure: string | null } = { threads: 1, failure: null };

/**
 * Makes the next `tf.setBackend('wasm')` run XNNPACK with `threads` threads: the threaded build for
 * more than one, the stock build for one. If the threaded build fails to load, the stock build
 * takes over and `wasmThreadsStatus` says why. Changing the count drops the current wasm backend
 * (and its tensors), so call it before creating any.
 */
export async function useWasmThreads(threads: number): Promise<void> {
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_WASM_THREADS) {
    throw new Error(`wasm thread count must be a whole number from 1 to ${MAX_WASM_THREADS}, not ${threads}`);
  }
  // Importing the package registers its stock factory, which this module keeps for one thread.
  const { BackendWasm, setThreadsCount } = (wasmPackage ??= await import('@tensorflow/tfjs-backend-wasm'));
  stockFactory ??= tf.findBackendFactory('wasm');
  if (!stockFactory) throw new Error('@tensorflow/tfjs-backend-wasm registered no wasm backend');
  if (threads === current.threads) return;
  const stock = stockFactory;
  const state = { threads, failure: null as string | null };
  current = state;
  tf.removeBackend('wasm');
  if (threads === 1) {
    tf.registerBackend('wasm', stock, WASM_PRIORITY);
    return;
  }
  tf.registerBackend(
    'wasm',
    async () => {
      try {
        const module = await loadThreadedModule(threads);
        setThreadsCount(threads);
        const backend = new BackendWasm(module as never);
        // The pool's threads live as long as the backend; they must not keep Node from exiting.
        for (const worker of module.PThread?.runningWorkers ?? []) worker.unref();
        // Emscripten pre-starts 8 workers; the backend creates its pool once, at construction,
        // so the ones it did not take are never used (each holds a V8 isolate: about 10 MB).
        for (const worker of module.PThread?.unusedWorkers.splice(0) ?? []) void worker.terminate();
        return backend;
      } catch (error) {
        state.failure = error instanceof Error ? error.message : String(error);
        return stock();
      }
    },
    WASM_PRIORITY,
  );
}

/** After `setBackend('wasm')`: how many threads XNNPACK runs, and why if fewer than asked. */
export function wasmThreadsStatus(): WasmThreadsStatus {
  if (!wasmPackage) throw new Error('wasmThreadsStatus called before useWasmThreads');
  const threads = wasmPackage.getThreadsCount();
  if (current.failure) return { threads, note: `threaded build failed (${current.failure}), single-threaded` };
  return { threads, note: threads > 1 ? `${threads} threads` : 'single-threaded' };
}

async function loadThreadedModule(threads: number): Promise<EmscriptenModule> {
  const factoryPath = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
  const factory = require(factoryPath) as Factory;
  const wasmPath = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), 'tfjs-backend-wasm-threaded-simd.wasm');
  const workerPath = pthreadWorkerFile();
  const compiled = await WebAssembly.compile(readFileSync(wasmPath));
  const module = await factory({
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.worker.js') ? workerPath : path.endsWith('.wasm') ? wasmPath : prefix + path,
    // The pthread workers load the module's script from here; a file path works in Node.
    mainScriptUrlOrBlob: factoryPath,
    instantiateWasm(imports: { env: Record<string, unknown> }, receive: (i: WebAssembly.Instance, m: WebAssembly.Module) => void) {
      // The backend uses half the reported cores (assuming hyper-threading), capped by the request.
      imports.env.emscripten_num_logical_cores = () => 2 * threads;
      const instance = new WebAssembly.Instance(compiled, imports as WebAssembly.Imports);
      receive(instance, compiled);
      return instance.exports;
    },
  });
  module.tfjs = {
    init: module.cwrap('init', null, []),
    initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: module.cwrap('get_threads_count', 'number', []),
    registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: module.cwrap('dispose_data', null, ['number']),
    dispose: module.cwrap('dispose', null, []),
  };
  return module;
}

/**
 * The pthread worker script tfjs embeds as a string, written once to a file named by its hash
 * (written under a temporary name and renamed, so concurrent runs never see half a file).
 */
function pthreadWorkerFile(): string {
  const { wasmWorkerContents } = require('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js') as {
    wasmWorkerContents: string;
  };
  // The embedded script has raw newlines inside string literals; tfjs escapes them the same way.
  const source = wasmWorkerContents.replace(/\n/g, '\\n');
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const path = join(tmpdir(), `tfjs-wasm-pthread-${hash}.cjs`);
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, source);
    renameSync(partial, path);
  }
  return path;
}

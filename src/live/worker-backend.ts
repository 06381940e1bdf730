import * as tf from '@tensorflow/tfjs';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { installFastKernels, uninstallFastKernels } from '../lib/fast-matmul/install';
import type { BackendReport } from './protocol';
import type { TrainingBackend } from './settings';
import { noThreadsWhy, stopUnusedPthreads, wantedThreads, withCoreCount } from './wasm-threads';
import { webgpuAdapter } from './webgpu-adapter';

let wasmRegistered: Promise<void> | null = null;
let webgpuRegistered: Promise<unknown> | null = null;

/**
 * Switches this worker to `wanted` and says which backend runs. WebAssembly's binaries are
 * served with the site; WebGPU's code is fetched only when this browser offers an adapter, so
 * a reader without one downloads nothing for it; WebGL in a worker needs OffscreenCanvas. A
 * backend that cannot start falls back to WebAssembly, then plain JavaScript. On wasm the fast
 * matrix-product kernels replace the stock ones (unless `fastKernels` is false), and when the
 * page is cross-origin isolated and the engine has SharedArrayBuffer, tfjs loads its threaded
 * build, here with one thread per core; otherwise the report says why it runs on one.
 */
export async function startBackend(wanted: TrainingBackend, fastKernels = true): Promise<BackendReport> {
  const base = { isolated: crossOriginIsolated, fastKernels: false, threads: 1 };
  if (wanted === 'webgpu') {
    const adapter = await startWebgpu();
    if (adapter !== null) return { ...base, name: 'webgpu', adapter };
  }
  if (wanted === 'webgl' && (await tryBackend('webgl'))) return { ...base, name: 'webgl' };
  if (wanted !== 'cpu') {
    const wasm = await startWasm(fastKernels);
    if (wasm) return wasm;
  }
  await tryBackend('cpu');
  return { ...base, name: 'cpu' };
}

/** The backends `auto` chooses between here: WebGPU when an adapter is offered, and WebAssembly. */
export async function autoCandidates(): Promise<TrainingBackend[]> {
  return (await webgpuAdapter()) ? ['webgpu', 'wasm'] : ['wasm'];
}

/** Starts the WebGPU backend; its adapter's description, or null when there is none. */
async function startWebgpu(): Promise<string | null> {
  const adapter = await webgpuAdapter();
  if (!adapter) return null;
  try {
    webgpuRegistered ??= import('@tensorflow/tfjs-backend-webgpu');
    await webgpuRegistered;
  } catch {
    webgpuRegistered = null;
    return null;
  }
  return (await tryBackend('webgpu')) ? adapter : null;
}

async function startWasm(fastKernels: boolean): Promise<BackendReport | null> {
  try {
    wasmRegistered ??= import('@tensorflow/tfjs-backend-wasm').then((wasm) => {
      wasm.setWasmPaths({
        'tfjs-backend-wasm.wasm': plainWasm,
        'tfjs-backend-wasm-simd.wasm': simdWasm,
        'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm,
      });
      // Only read by the threaded build, which tfjs loads when the page is cross-origin isolated.
      wasm.setThreadsCount(wantedThreads());
    });
    await wasmRegistered;
    if (!(await withCoreCount(wantedThreads(), () => tryBackend('wasm')))) return null;
    stopUnusedPthreads();
    if (fastKernels) installFastKernels('wasm');
    else uninstallFastKernels('wasm');
    const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
    const threads = getThreadsCount();
    const why = threads === 1 ? noThreadsWhy() : null;
    return { name: 'wasm', threads, isolated: crossOriginIsolated, fastKernels, ...(why ? { oneThreadWhy: why } : {}) };
  } catch {
    return null;
  }
}

async function tryBackend(name: string): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return true;
  } catch {
    return false;
  }
}

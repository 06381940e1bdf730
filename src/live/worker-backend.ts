import * as tf from '@tensorflow/tfjs';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { installFastKernels, uninstallFastKernels } from '../lib/fast-matmul/install';
import type { BackendReport } from './protocol';
import { stopUnusedPthreads, wantedThreads, withCoreCount } from './wasm-threads';
import type { BrowserBackend } from './settings';

let wasmRegistered: Promise<void> | null = null;

/**
 * Switches this worker to the chosen backend and says which one runs. `auto` means WebAssembly
 * (its binaries are served with the site), else plain JavaScript; WebGL only on request, since in
 * a worker it needs OffscreenCanvas and without a GPU it is slower than wasm. On wasm the fast
 * matrix-product kernels replace the stock ones (unless `fastKernels` is false), and when the
 * page is cross-origin isolated (SharedArrayBuffer available) tfjs loads its threaded build, here
 * with one thread per core.
 */
export async function startBackend(preferred: BrowserBackend, fastKernels = true): Promise<BackendReport> {
  if (preferred === 'webgl' && (await tryBackend('webgl'))) return { name: 'webgl', threads: 1, isolated: crossOriginIsolated, fastKernels: false };
  if (preferred !== 'cpu') {
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
      if (await withCoreCount(wantedThreads(), () => tryBackend('wasm'))) {
        stopUnusedPthreads();
        if (fastKernels) installFastKernels('wasm');
        else uninstallFastKernels('wasm');
        const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
        return { name: 'wasm', threads: getThreadsCount(), isolated: crossOriginIsolated, fastKernels };
      }
    } catch {
      // Fall through to the CPU backend.
    }
  }
  await tryBackend('cpu');
  return { name: 'cpu', threads: 1, isolated: crossOriginIsolated, fastKernels: false };
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

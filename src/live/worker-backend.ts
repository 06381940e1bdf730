import * as tf from '@tensorflow/tfjs';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BrowserBackend } from './settings';

let wasmRegistered: Promise<void> | null = null;

/**
 * Switches this worker to the chosen backend and returns the one that runs. `auto` means
 * WebAssembly (its binaries are served with the site), else plain JavaScript; WebGL only on
 * request, since in a worker it needs OffscreenCanvas and without a GPU it is slower than wasm.
 */
export async function startBackend(preferred: BrowserBackend): Promise<string> {
  if (preferred === 'webgl' && (await tryBackend('webgl'))) return 'webgl';
  if (preferred !== 'cpu') {
    try {
      wasmRegistered ??= import('@tensorflow/tfjs-backend-wasm').then((wasm) =>
        wasm.setWasmPaths({
          'tfjs-backend-wasm.wasm': plainWasm,
          'tfjs-backend-wasm-simd.wasm': simdWasm,
          'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm,
        }),
      );
      await wasmRegistered;
      if (await tryBackend('wasm')) return 'wasm';
    } catch {
      // Fall through to the CPU backend.
    }
  }
  await tryBackend('cpu');
  return 'cpu';
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

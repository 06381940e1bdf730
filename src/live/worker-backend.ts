import * as tf from '@tensorflow/tfjs';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/**
 * Starts the fastest backend that works in this worker: WebAssembly (its binaries are served
 * with the site), else plain JavaScript. WebGL is skipped: in a worker it needs OffscreenCanvas
 * and, on machines without a GPU, it is slower than wasm.
 */
export async function startBackend(): Promise<string> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': plainWasm,
      'tfjs-backend-wasm-simd.wasm': simdWasm,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm,
    });
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return 'wasm';
    }
  } catch {
    // Fall through to the CPU backend.
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}

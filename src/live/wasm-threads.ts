import * as tf from '@tensorflow/tfjs';

/** XNNPACK's pool gets one thread per core up to this many (more rarely helps these small products). */
const MAX_THREADS = 4;

/**
 * Why this worker cannot run wasm on several threads, or null when it can: the threaded build
 * needs a cross-origin isolated page, and SharedArrayBuffer, which some engines leave out even
 * there (WebKitGTK 2.50 does).
 */
export function noThreadsWhy(): string | null {
  if (!crossOriginIsolated) return 'threads need a cross-origin isolated page';
  if (typeof SharedArrayBuffer === 'undefined') return 'this browser offers no SharedArrayBuffer, which threads need';
  return null;
}

/** Threads wanted in this worker: one per core, at most MAX_THREADS; 1 where {@link noThreadsWhy} says why. */
export function wantedThreads(): number {
  if (noThreadsWhy()) return 1;
  return Math.max(1, Math.min(MAX_THREADS, navigator.hardwareConcurrency || 1));
}

/**
 * Runs `start` (which must create the wasm backend) while `navigator.hardwareConcurrency` reads
 * twice `threads`. The threaded build caps its pool at half the logical cores it is told of
 * (assuming two hyper-threads per core), which leaves a 2-core machine one thread; the Node
 * loader in scripts/fast/threaded-wasm.ts answers the same question the same way. The real value
 * is back once the backend exists.
 */
export async function withCoreCount<T>(threads: number, start: () => Promise<T>): Promise<T> {
  if (threads <= 1) return start();
  Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => 2 * threads });
  try {
    return await start();
  } finally {
    delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

interface ThreadedModule {
  PThread?: { unusedWorkers?: { terminate(): void }[] };
}

/**
 * Emscripten pre-starts 8 pthread workers; the backend takes its pool once, at construction, so
 * the others are never used. Each holds a copy of the module: stop them.
 */
export function stopUnusedPthreads(): void {
  const module = (tf.backend() as unknown as { wasm?: ThreadedModule }).wasm;
  for (const worker of module?.PThread?.unusedWorkers?.splice(0) ?? []) worker.terminate();
}

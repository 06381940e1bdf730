/** The training worker's entry module, as Vite names it (a path that ends so). */
const WORKER_ENTRY = /\/src\/live\/train-worker\.ts$/;
/**
 * The backends the worker imports only when it starts them: their modules, including the
 * CommonJS wrappers Rollup makes of them (ids with a `?commonjs-…` query), each in a lazy chunk.
 */
const LAZY_BACKEND = /\/node_modules\/@tensorflow\/(tfjs-backend-wasm|tfjs-backend-webgpu)\//;
/** A binary's URL (`…wasm?url`), which the entry's code needs before any backend starts. */
const ASSET_URL = /\?url$/;

/**
 * Rollup's `manualChunks` for the worker build. By default Rollup leaves the code the worker
 * shares with its lazily imported backends (TensorFlow.js's core) in the entry chunk, so those
 * backends import the entry; WebKit then evaluates the entry a second time, and that copy
 * replaces `self.onmessage` with empty state. Here the entry chunk holds the worker's own module
 * alone, each lazy backend keeps a chunk of its own, and everything else (TensorFlow.js, the
 * project's libraries, Rollup's helpers) goes into one shared chunk, so no chunk imports the entry.
 */
export function workerChunk(id: string): string | undefined {
  if (WORKER_ENTRY.test(id)) return undefined;
  const backend = ASSET_URL.test(id) ? null : LAZY_BACKEND.exec(id);
  return backend ? backend[1] : 'train-worker-shared';
}

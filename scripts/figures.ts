/**
 * `npm run figures`: trains the article's models and writes its figures to public/generated/.
 *   --force        retrain even if nothing changed
 *   --preview      one seed per variant: the figures in a fifth of the time, flagged on the page
 *   --quick        the reduced test configuration (requires --out)
 *   --out DIR      write somewhere else
 *   --backend B    force tensorflow, wasm or cpu
 *   --threads N    wasm backend threads, shared among the jobs (default: one per core, at most 4)
 *   --jobs N       training runs at once, each in a worker thread (default: 2 on 2 or more cores)
 */
import { parseArgs } from 'node:util';
import type { BackendName } from './backend';
import { MAX_WASM_THREADS } from './fast/threaded-wasm';
import { runPipeline } from './pipeline';
import { FULL_PROFILE, PREVIEW_PROFILE, QUICK_PROFILE } from './profiles';
import { summaryTable } from './summary';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      force: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      preview: { type: 'boolean', default: false },
      out: { type: 'string' },
      backend: { type: 'string' },
      threads: { type: 'string' },
      jobs: { type: 'string' },
    },
  });
  const backend = values.backend as BackendName | undefined;
  if (backend && !['tensorflow', 'wasm', 'cpu'].includes(backend)) {
    throw new Error(`--backend must be tensorflow, wasm or cpu, not "${backend}"`);
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= MAX_WASM_THREADS)) {
    throw new Error(`--threads must be a whole number from 1 to ${MAX_WASM_THREADS}, not "${values.threads}"`);
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 8)) {
    throw new Error(`--jobs must be a whole number from 1 to 8, not "${values.jobs}"`);
  }
  const started = performance.now();
  const { manifest, cached } = await runPipeline({
    profile: values.quick ? QUICK_PROFILE : values.preview ? PREVIEW_PROFILE : FULL_PROFILE,
    outDir: values.out,
    force: values.force,
    backend,
    wasmThreads: threads,
    jobs,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(cached ? `figures are up to date (reused, ${seconds.toFixed(1)} s); --force retrains` : `figures written in ${seconds.toFixed(1)} s`);
  console.log(summaryTable(manifest));
}

main().catch((error: unknown) => {
  console.error(`figures failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

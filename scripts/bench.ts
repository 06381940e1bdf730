/**
 * `npm run bench`: training throughput per variant and backend, the speed-up of the fast wasm
 * kernels, matrix-product GFLOP/s, and cold/warm pipeline time with peak memory.
 *   --quick           few batches and the quick pipeline profile (a minute or so)
 *   --skip-pipeline   throughput only
 *   --batches N       timed batches per variant on wasm and tfjs-node (default 100; cpu gets N/5)
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { DigitSet } from '../src/lib/mnist';
import { VARIANTS } from '../src/experiment/variants';
import { MLP_PRODUCTS, productGflops } from './bench/matmul';
import { DEFAULT_WASM_THREADS } from './backend';
import { TRAINING_PATHS, type TrainingPath } from './bench/paths';
import { timeEffectiveFigures } from './bench/effective-time';
import { timePipeline } from './bench/pipeline-time';
import { textTable } from './text-table';
import { measureThroughput } from './bench/throughput';
import { loadMnist } from './mnist-files';

const ROOT = resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'skip-pipeline': { type: 'boolean', default: false },
      batches: { type: 'string' },
    },
  });
  const batches = values.batches ? Number(values.batches) : values.quick ? 10 : 100;
  if (!Number.isInteger(batches) || batches < 1) throw new Error(`--batches must be a positive integer, not "${values.batches}"`);
  const { train, test } = await loadMnist();

  const available: TrainingPath[] = [];
  const throughput = new Map<string, Map<string, number>>();
  const gflops = new Map<string, number[]>();
  for (const path of TRAINING_PATHS) {
    if (!(await path.activate())) {
      console.log(`${path.label}: not available here, skipped`);
      continue;
    }
    available.push(path);
    const n = path.id === 'cpu' ? Math.max(2, Math.round(batches / 5)) : batches;
    console.log(`${path.label}: ${n} batches per variant on ${tf.getBackend()}...`);
    const row = new Map<string, number>();
    for (const spec of VARIANTS) row.set(spec.id, await measureThroughput(spec, train, n, path.optimizer));
    throughput.set(path.id, row);
    if (path.id !== 'cpu') gflops.set(path.id, MLP_PRODUCTS.map((p) => productGflops(p)));
  }

  console.log('\nTraining throughput, samples/s (batch 128, RMSprop; first batch excluded)\n');
  const hasRatio = throughput.has('wasm-fast') && throughput.has('wasm-stock');
  console.log(
    textTable(
      ['variant', ...available.map((p) => p.label), ...(hasRatio ? ['fast / stock wasm'] : [])],
      VARIANTS.map((spec) => {
        const cells = available.map((p) => throughput.get(p.id)?.get(spec.id) ?? NaN);
        const ratio = (throughput.get('wasm-fast')?.get(spec.id) ?? NaN) / (throughput.get('wasm-stock')?.get(spec.id) ?? NaN);
        return [spec.id, ...cells, ...(hasRatio ? [`${ratio.toFixed(2)}x`] : [])];
      }),
    ),
  );

  console.log('\nMatrix products of one 784-512-256-10 step on fresh operands, GFLOP/s (best of 10)\n');
  const gPaths = available.filter((p) => gflops.has(p.id));
  console.log(
    textTable(
      ['product', 'm x k x n', ...gPaths.map((p) => p.label)],
      MLP_PRODUCTS.map((p, i) => [p.label, `${p.m}x${p.k}x${p.n}`, ...gPaths.map((path) => gflops.get(path.id)?.[i] ?? NaN)]),
    ),
  );

  if (!values['skip-pipeline']) await benchPipeline(values.quick);
  await benchEffective(available, train, test);
  const mlp = (id: string) => throughput.get(id)?.get('mlp-60k');
  await benchBrowserIfPresent(values.quick, {
    stock: mlp('wasm-stock'),
    fastSingle: mlp('wasm-fast-1'),
    fastThreaded: mlp('wasm-fast'),
    threads: DEFAULT_WASM_THREADS,
  });
}

/** Cold (`--force`) then warm (cached) pipeline runs into a temporary folder. */
async function benchPipeline(quick: boolean): Promise<void> {
  const out = await mkdtemp(join(tmpdir(), 'bench-figures-'));
  const args = ['--out', out, ...(quick ? ['--quick'] : [])];
  try {
    console.log(`\nPipeline (${quick ? 'quick' : 'full'} profile, default backend, output in ${out})...`);
    const cold = await timePipeline(ROOT, ['--force', ...args]);
    const warm = await timePipeline(ROOT, args);
    console.log(`\n${cold.tail}\n`);
    console.log(
      textTable(
        ['pipeline run', 'seconds', 'peak RSS, MB'],
        [
          ['cold (--force)', cold.seconds, cold.peakRssMb],
          [warm.reused ? 'warm (reused)' : 'warm (retrained: sources changed mid-run?)', warm.seconds, warm.peakRssMb],
        ],
      ),
    );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The effective-template and top-digit figures' share of a pipeline run, on the pipeline's fastest available path. */
async function benchEffective(available: TrainingPath[], train: DigitSet, test: DigitSet): Promise<void> {
  const path = available.find((p) => p.id === 'tensorflow') ?? available.find((p) => p.id === 'wasm-fast');
  if (!path || !(await path.activate())) return;
  const t = await timeEffectiveFigures(train, test);
  console.log(`\nEffective templates and top digits, per mlp variant, ${path.label}\n`);
  console.log(
    textTable(
      ['step', 'seconds per variant', 'seconds for the 2 mlp variants'],
      [
        [`effective templates (${test.count} test images)`, t.effective, 2 * t.effective],
        ['top digits (browser training shard)', t.topDigits, 2 * t.topDigits],
      ],
    ),
  );
}

/**
 * In-browser training throughput lives in scripts/bench-browser.ts (when present): its default
 * export or `benchBrowser`, an async function taking `{ quick, node }` (Node's mlp-60k samples/s
 * on wasm, to print beside the browser's) and returning printable text.
 */
async function benchBrowserIfPresent(quick: boolean, node: Record<string, number | undefined>): Promise<void> {
  const file = join(ROOT, 'scripts', 'bench-browser.ts');
  if (!existsSync(file)) return;
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const run = mod.benchBrowser ?? mod.default;
  if (typeof run !== 'function') throw new Error('scripts/bench-browser.ts exports no benchBrowser function');
  console.log('\nIn the browser\n');
  const result: unknown = await (run as (o: { quick: boolean; node: Record<string, number | undefined> }) => Promise<unknown>)({ quick, node });
  if (result !== undefined) console.log(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

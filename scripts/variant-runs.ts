import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EDGE_REGIONS } from '../src/lib/ink';
import type { SeedRun, VariantEntry } from '../src/lib/manifest';
import type { DigitSet } from '../src/lib/mnist';
import { ARCHITECTURES, baseVariantId, disposeModel, layerSizes, seedsOf, variantConfig, type VariantSpec } from '../src/lib/model';
import { OPTIMIZERS } from '../src/lib/optimizers';
import { regionZScores } from '../src/lib/region-weights';
import { littleEndianBytes, outputImagesOf, writeComposedLayers } from './figures/composed-layers';
import type { Profile } from './profiles';
import type { ProgressReporter } from './progress';
import { saveModel } from './save-model';
import { trainVariant } from './train-variant';

export interface VariantRunContext {
  dir: string;
  profile: Profile;
  train: DigitSet;
  test: DigitSet;
  backend: string;
  progress: ProgressReporter;
  /** Counts runs across the whole pipeline, for the progress labels. */
  counter: { done: number; total: number };
}

/** Runs the pipeline will train for `profile`: every seed of every variant. */
export function countRuns(profile: Profile): number {
  return profile.variants.reduce((n, spec) => n + spec.seeds, 0);
}

/**
 * Trains every seed of one variant. The first seed makes the figures (every layer for an
 * experiment variant, the output layer for a study variant) and, for an experiment variant, the
 * saved model; every seed records its accuracy, edge-region weights and output images.
 */
export async function runVariant(spec: VariantSpec, ctx: VariantRunContext): Promise<VariantEntry> {
  const { dir, profile, progress } = ctx;
  const seeds: SeedRun[] = [];
  let figure: Omit<VariantEntry, 'seeds'> | null = null;
  await mkdir(join(dir, 'composed'), { recursive: true });
  for (const [k, seed] of seedsOf(spec, profile.training).entries()) {
    const config = variantConfig(spec, profile.training, seed);
    ctx.counter.done += 1;
    const label = `[${ctx.counter.done}/${ctx.counter.total}] ${spec.id} · ${OPTIMIZERS[spec.optimizer].label} · seed ${k + 1}/${spec.seeds}`;
    const trained = await trainVariant(spec, config, ctx.train, ctx.test, progress, { label, evaluateEachEpoch: k === 0 });
    try {
      const outputPath = `composed/${spec.id}-seed${k + 1}-output.f32`;
      let outputImages: Float32Array;
      if (k === 0) {
        const composed = await writeComposedLayers(trained.model, spec.id, dir, spec.role === 'experiment' ? 'all' : 'output');
        outputImages = composed.outputImages;
        const model = spec.role === 'experiment' ? `models/${spec.id}/model.json` : undefined;
        if (model) await saveModel(trained.model, join(dir, `models/${spec.id}`));
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
        };
      } else {
        outputImages = await outputImagesOf(trained.model);
      }
      await writeFile(join(dir, outputPath), littleEndianBytes(outputImages));
      seeds.push({
        seed,
        testAccuracy: trained.testAccuracy,
        testLoss: trained.testLoss,
        perClassAccuracy: trained.perClassAccuracy,
        edgeWeights: edgeWeights(outputImages),
        outputImages: outputPath,
        trainingSeconds: trained.trainingSeconds,
      });
    } finally {
      disposeModel(trained.model);
    }
  }
  if (!figure) throw new Error(`variant ${spec.id} has no seeds to train`);
  return { ...figure, seeds };
}

function edgeWeights(outputImages: Float32Array): VariantEntry['edgeWeights'] {
  return EDGE_REGIONS.map((region) => ({ region: region.id, zScore: regionZScores(outputImages, region) }));
}

import type * as tf from '@tensorflow/tfjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EffectiveEntry, SeedRun, TopDigitsEntry, VariantEntry } from '../src/lib/manifest';
import { ARCHITECTURES } from '../src/experiment/networks';
import { baseVariantId, measuresBehaviour, seedsOf, variantConfig, type VariantSpec } from '../src/experiment/variants';
import { measureBehaviour } from '../src/lib/behaviour';
import { layerSizes } from '../src/lib/layer-sizes';
import { disposeModel } from '../src/lib/model';
import { composeNet } from '../src/lib/compose';
import { meanNeighbourCorrelation } from '../src/lib/neighbour-correlation';
import { denseNetOf } from '../src/lib/dense-tensors';
import { effectiveSeedMeasures } from '../src/lib/effective-templates';
import { edgeRegionWeights } from '../src/lib/region-weights';
import { type DigitSet, headOf } from '../src/lib/mnist';
import { BROWSER_TRAIN_COUNT } from './figures/browser-data';
import { littleEndianBytes, outputImagesOf, writeComposedLayers } from './figures/composed-layers';
import { writeEffectiveTemplates } from './figures/effective-templates';
import { writeTopDigits } from './figures/top-digits';
import type { Profile } from './profiles';
import type { ProgressReporter } from './progress';
import { saveModel } from './save-model';
import { trainSeed } from './train-seed';

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
 * variant or one trained on moved digits, the output layer for another study variant) and, for an
 * experiment variant, the model.
 */
export async function runSeed({ spec, seedIndex, label }: SeedTask, ctx: SeedContext): Promise<SeedResult> {
  const { dir } = ctx;
  const seed = seedsOf(spec, ctx.profile.training)[seedIndex];
  const config = variantConfig(spec, ctx.profile.training, seed);
  const figureSeed = seedIndex === 0;
  const trained = await trainSeed(spec, config, ctx.train, ctx.test, ctx.progress, { label, evaluateEachEpoch: figureSeed });
  try {
    const net = denseNetOf(trained.model);
    await mkdir(join(dir, 'composed'), { recursive: true });
    // What the ReLU network really weighs, measured for every seed of the experiment's MLPs (whose
    // figure seed also draws the sheets) and of the MLP trained on moved digits.
    const effectiveSheets = spec.role === 'experiment' && spec.architecture === 'mlp';
    const effectivePerSeed = effectiveSheets || (spec.architecture === 'mlp' && Boolean(spec.maxShift));
    let outputImages: Float32Array;
    // Every layer's composed images, input side first (composeNet): composed once per seed, read
    // by the effective measures and the layer-2 smoothness. Only the MLPs need them off the figure seed.
    let layers: Float32Array[] = [];
    let figure: SeedResult['figure'] = null;
    let measures: Pick<SeedRun, 'effectiveCosine' | 'effectiveStrength' | 'effectiveEdgeWeights'> = {};
    if (figureSeed) {
      const experiment = spec.role === 'experiment';
      // The network trained on moved digits draws every layer too: the article sets its hidden
      // layers beside the original's to show how it copes with position.
      const composed = await writeComposedLayers(net, spec.id, dir, experiment || spec.maxShift ? 'all' : 'output');
      layers = composed.composed;
      outputImages = layers[layers.length - 1];
      const model = experiment ? `models/${spec.id}/model.json` : undefined;
      if (model) await saveModel(trained.model, join(dir, `models/${spec.id}`));
      let effective: EffectiveEntry | undefined;
      let topDigits: TopDigitsEntry | undefined;
      if (effectiveSheets) {
        // The figure's measurements are this seed's.
        effective = await writeEffectiveTemplates(net, layers, spec.id, dir, ctx.test);
        measures = { effectiveCosine: effective.cosine, effectiveStrength: effective.strength, effectiveEdgeWeights: effective.edgeWeights };
        const browserShard = headOf(ctx.train, Math.min(BROWSER_TRAIN_COUNT, ctx.train.count));
        topDigits = await writeTopDigits(net, spec.id, dir, browserShard);
      } else if (effectivePerSeed) {
        measures = await effectiveSeedMeasures(net, layers[2], ctx.test);
      }
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
        edgeWeights: edgeRegionWeights(outputImages),
        ...(effective && { effective }),
        ...(topDigits && { topDigits }),
      };
    } else {
      outputImages = await outputImagesOf(net);
      // The measures' composed images multiply from the input side (composeNet), as the figure
      // seed's do; the seed's output file keeps composeLayer's order, so both stay as they were.
      if (spec.architecture === 'mlp') layers = (await composeNet(net)).map((l) => l.values);
      if (effectivePerSeed) measures = await effectiveSeedMeasures(net, layers[2], ctx.test);
    }
    const behaviour = measuresBehaviour(spec) ? await timedBehaviour(trained.model, ctx.test) : {};
    // How smooth the second layer's composed images are: the article compares the networks
    // trained on centred and on moved digits by it.
    const layer2 = spec.architecture === 'mlp' ? { layer2Smoothness: meanNeighbourCorrelation(layers[1]) } : {};
    const outputPath = `composed/${spec.id}-seed${seedIndex + 1}-output.f32`;
    await writeFile(join(dir, outputPath), littleEndianBytes(outputImages));
    return {
      figure,
      seed: {
        seed,
        testAccuracy: trained.testAccuracy,
        testLoss: trained.testLoss,
        perClassAccuracy: trained.perClassAccuracy,
        edgeWeights: figure?.edgeWeights ?? edgeRegionWeights(outputImages),
        outputImages: outputPath,
        trainingSeconds: trained.trainingSeconds,
        ...measures,
        ...layer2,
        ...behaviour,
      },
    };
  } finally {
    disposeModel(trained.model);
  }
}

async function timedBehaviour(model: tf.LayersModel, test: DigitSet): Promise<Pick<SeedRun, 'behaviour' | 'behaviourSeconds'>> {
  const started = performance.now();
  const behaviour = await measureBehaviour(model, test);
  return { behaviour, behaviourSeconds: (performance.now() - started) / 1000 };
}

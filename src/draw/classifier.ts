/**
 * The only module of the draw widget that uses TensorFlow.js; the element imports it on demand
 * so tfjs stays out of the initial page load.
 */
import * as tf from '@tensorflow/tfjs';
import type { DenseLayer } from '../lib/effective-map';
import { readDenseLayers } from '../lib/effective-map-model';
import { PIXELS } from '../lib/idx';
import type { Architecture } from '../lib/model';
import type { RetrainedModel } from './retrained';

/** A loaded model that classifies one preprocessed digit at a time. */
export interface Classifier {
  architecture: Architecture;
  /** Class probabilities [10] for one input [784] in [0, 1]. */
  predict(input: Float32Array): Float32Array;
  /** Its Dense layers' weights, input side first, copied once for the per-digit maps. */
  layers: DenseLayer[];
  dispose(): void;
}

let backend: Promise<void> | undefined;

/** One small forward pass per drawing: the cpu backend is plenty and needs no extra files. */
function ready(): Promise<void> {
  backend ??= tf.setBackend('cpu').then((ok) => {
    if (!ok) throw new Error('the TensorFlow.js cpu backend could not start');
  });
  return backend;
}

function wrap(model: tf.LayersModel, architecture: Architecture): Classifier {
  let layers: DenseLayer[];
  try {
    layers = readDenseLayers(model);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return {
    architecture,
    layers,
    predict(input: Float32Array): Float32Array {
      const probs = tf.tidy(() => {
        const out = model.predict(tf.tensor2d(input, [1, PIXELS])) as tf.Tensor;
        return out.dataSync() as Float32Array;
      });
      return probs.slice();
    },
    dispose: () => model.dispose(),
  };
}

/** Loads one of the build's models from the URL of its model.json. */
export async function loadFromUrl(url: string, architecture: Architecture): Promise<Classifier> {
  await ready();
  return wrap(await tf.loadLayersModel(url), architecture);
}

/** Loads the model the retraining widget handed over. */
export async function loadFromMemory(retrained: RetrainedModel): Promise<Classifier> {
  await ready();
  const json = retrained.modelJson as { modelTopology: object; weightsManifest: tf.io.WeightsManifestConfig };
  const specs = json.weightsManifest[0]?.weights ?? [];
  const model = await tf.loadLayersModel(tf.io.fromMemory(json.modelTopology, specs, retrained.weightData));
  return wrap(model, retrained.architecture);
}

/** Tensors alive in the engine, for leak checks. */
export function tensorCount(): number {
  return tf.memory().numTensors;
}

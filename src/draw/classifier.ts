/**
 * Loads the draw widget's models and classifies one digit at a time. The forward pass runs in
 * plain TypeScript (`src/lib/dense-net.ts`), so the page carries no TensorFlow.js of its own:
 * the training workers' copy is the only one a reader downloads. The element imports this module
 * on demand.
 */
import { type DenseNet, parseDenseNet, predictDense } from '../lib/dense-net';
import type { Architecture } from '../experiment/networks';
import type { RetrainedModel } from '../widgets/contract';

/** A loaded model that classifies one preprocessed digit at a time. */
export interface Classifier {
  architecture: Architecture;
  /** Class probabilities [10] for one input [784] in [0, 1]. */
  predict(input: Float32Array): Float32Array;
  /** The layers' weights, input side first, as the per-digit maps read them. */
  layers: DenseNet['layers'];
}

function wrap(net: DenseNet, architecture: Architecture): Classifier {
  return { architecture, layers: net.layers, predict: (input) => predictDense(net, input) };
}

/** Loads one of the build's models from the URL of its model.json (TensorFlow.js layers format). */
export async function loadFromUrl(url: string, architecture: Architecture): Promise<Classifier> {
  const base = new URL(url, location.href);
  const response = await fetch(base);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const modelJson = (await response.json()) as { weightsManifest?: { paths?: string[] }[] };
  const paths = (modelJson.weightsManifest ?? []).flatMap((group) => group.paths ?? []);
  const parts = await Promise.all(
    paths.map(async (path) => {
      const weights = await fetch(new URL(path, base));
      if (!weights.ok) throw new Error(`${path}: HTTP ${weights.status}`);
      return new Uint8Array(await weights.arrayBuffer());
    }),
  );
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
  return wrap(parseDenseNet(modelJson, joined.buffer, url), architecture);
}

/** Loads the model the retraining widget handed over. */
export async function loadFromMemory(retrained: RetrainedModel): Promise<Classifier> {
  return wrap(parseDenseNet(retrained.modelJson, retrained.weightData, 'the retrained model'), retrained.architecture);
}

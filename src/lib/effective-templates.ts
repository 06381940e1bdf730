import * as tf from '@tensorflow/tfjs';
import { batchTensors } from './batches';
import type { DenseNet } from './dense-net';
import { type WeightTensors, withWeightTensors } from './dense-tensors';
import type { DigitSet } from './mnist';
import { CLASSES, PIXELS } from './mnist-constants';
import { edgeRegionWeights } from './region-weights';

/**
 * Effective templates of a ReLU network. Around any input x the network is exactly linear,
 * logits = J(x)·x + b(x), where J(x) is the composed product W1·W2·W3 with the hidden nodes that
 * are silent for x taken out. These functions average J over sets of images, batched: for the
 * logit of digit c, mean_x J_c(x) = W1 · mean_x( m1(x) ⊙ (W2 · (m2(x) ⊙ W3[:, c])) ), with m1, m2
 * the 0/1 masks of the hidden pre-activations that are > 0.
 */

/** Images per batch: keeps the [batch, 512] intermediates small. */
const BATCH = 1000;

/** Runs `use` on the weights of a 784-h1-h2-10 ReLU network as tensors; throws for another depth. */
async function withMlpTensors<T>(net: DenseNet, use: (w: WeightTensors) => Promise<T>): Promise<T> {
  if (net.layers.length !== 3) {
    throw new Error(`effective templates need a network with two hidden layers; this one has ${net.layers.length} Dense layers`);
  }
  return withWeightTensors(net, use);
}

/** The 0/1 ReLU masks of both hidden layers for a batch of inputs xs [n, 784]: [n, h1], [n, h2]. */
function reluMasks(net: WeightTensors, xs: tf.Tensor2D): { m1: tf.Tensor2D; m2: tf.Tensor2D } {
  return tf.tidy(() => {
    const z1 = tf.add(tf.matMul(xs, net.kernels[0]), net.biases[0]) as tf.Tensor2D;
    const z2 = tf.add(tf.matMul(tf.relu(z1), net.kernels[1]), net.biases[1]) as tf.Tensor2D;
    return { m1: tf.cast(tf.greater(z1, 0), 'float32') as tf.Tensor2D, m2: tf.cast(tf.greater(z2, 0), 'float32') as tf.Tensor2D };
  });
}

/**
 * The mean effective template of each digit: for c = 0..9, the average of J_c(x) over the images
 * x of `set` labelled c. Returns [10, 784] row-major; a digit with no image gets zeros.
 */
export async function meanEffectiveTemplates(weights: DenseNet, set: DigitSet): Promise<Float32Array> {
  return withMlpTensors(weights, (net) => meanTemplates(net, set));
}

async function meanTemplates(net: WeightTensors, set: DigitSet): Promise<Float32Array> {
  const [w1, w2, w3] = net.kernels;
  let sums = tf.zeros([CLASSES, w1.shape[1]]) as tf.Tensor2D; // Σ over images of class c of the h1 vector
  const counts = new Array<number>(CLASSES).fill(0);
  for (let start = 0; start < set.count; start += BATCH) {
    const end = Math.min(start + BATCH, set.count);
    const { xs, ys } = batchTensors(set, null, start, end);
    const next = tf.tidy(() => {
      const { m1, m2 } = reluMasks(net, xs);
      const labels = tf.argMax(ys, 1) as tf.Tensor1D;
      const out = tf.gather(tf.transpose(w3), labels) as tf.Tensor2D; // [n, h2]: W3[:, label]ᵀ
      const u1 = tf.mul(m1, tf.matMul(tf.mul(m2, out), w2, false, true)); // [n, h1]
      return tf.add(sums, tf.matMul(ys, u1, true, false)) as tf.Tensor2D; // [10, h1]
    });
    for (let i = start; i < end; i++) counts[set.labels[i]]++;
    tf.dispose([xs, ys, sums]);
    sums = next;
  }
  const scale = tf.tensor2d(counts.map((n) => (n > 0 ? 1 / n : 0)), [CLASSES, 1]);
  const templates = tf.tidy(() => tf.matMul(tf.mul(sums, scale), w1, false, true)); // [10, 784]
  const values = (await templates.data()) as Float32Array;
  tf.dispose([sums, scale, templates]);
  return values;
}

/**
 * The mean effective picture of layer-2 nodes: for each node k of `nodes`, the average over all
 * images of `set` of W1 · (m1(x) ⊙ W2[:, k]), the gradient of node k's pre-activation. Returns
 * [nodes.length, 784] row-major.
 */
export async function meanEffectiveNodeTemplates(weights: DenseNet, set: DigitSet, nodes: readonly number[]): Promise<Float32Array> {
  return withMlpTensors(weights, (net) => meanNodeTemplates(net, set, nodes));
}

async function meanNodeTemplates(net: WeightTensors, set: DigitSet, nodes: readonly number[]): Promise<Float32Array> {
  const [w1, w2] = net.kernels;
  const h2 = w2.shape[1];
  for (const k of nodes) {
    if (!Number.isInteger(k) || k < 0 || k >= h2) throw new RangeError(`layer-2 node ${k} does not exist (the layer has ${h2})`);
  }
  // The mean of m1(x) ⊙ W2[:, k] over x is mean(m1) ⊙ W2[:, k]: only the mask's mean is needed.
  let sum = tf.zeros([w1.shape[1]]) as tf.Tensor1D;
  for (let start = 0; start < set.count; start += BATCH) {
    const end = Math.min(start + BATCH, set.count);
    const { xs, ys } = batchTensors(set, null, start, end);
    const next = tf.tidy(() => {
      const { m1 } = reluMasks(net, xs);
      return tf.add(sum, tf.sum(m1, 0)) as tf.Tensor1D;
    });
    tf.dispose([xs, ys, sum]);
    sum = next;
  }
  const templates = tf.tidy(() => {
    const active = tf.div(sum, set.count).reshape([-1, 1]); // [h1, 1]
    const columns = tf.gather(w2, tf.tensor1d(nodes.slice(), 'int32'), 1); // [h1, k]
    return tf.transpose(tf.matMul(w1, tf.mul(active, columns))); // [k, 784]
  });
  const values = (await templates.data()) as Float32Array;
  tf.dispose([sum, templates]);
  return values;
}

/** Cosine similarity of row r of `a` and row r of `b`, both [rows, 784]; 0 where a row is all zero. */
export function rowCosines(a: Float32Array, b: Float32Array): number[] {
  return rowProducts(a, b).map(({ dot, aa, bb }) => (aa > 0 && bb > 0 ? dot / Math.sqrt(aa * bb) : 0));
}

/**
 * Per row, the length of `b`'s row over the length of `a`'s (Euclidean, over 784 pixels): how much
 * of a composed image's strength (`a`) its effective template (`b`) keeps. 0 where `a`'s row is zero.
 */
export function rowNormRatios(a: Float32Array, b: Float32Array): number[] {
  return rowProducts(a, b).map(({ aa, bb }) => (aa > 0 ? Math.sqrt(bb / aa) : 0));
}

/** Per row of `a` and `b` ([rows, 784]): a·b, a·a and b·b. */
function rowProducts(a: Float32Array, b: Float32Array): { dot: number; aa: number; bb: number }[] {
  if (a.length !== b.length || a.length % PIXELS !== 0) {
    throw new Error(`cannot compare ${a.length} values with ${b.length}: both must be [rows, ${PIXELS}]`);
  }
  const out = [];
  for (let base = 0; base < a.length; base += PIXELS) {
    let dot = 0;
    let aa = 0;
    let bb = 0;
    for (let p = base; p < base + PIXELS; p++) {
      dot += a[p] * b[p];
      aa += a[p] * a[p];
      bb += b[p] * b[p];
    }
    out.push({ dot, aa, bb });
  }
  return out;
}

/**
 * The per-seed measurements of one trained `mlp` network, named as the manifest's seed entries name
 * them: `effectiveCosine` [10] (`rowCosines`), `effectiveStrength` [10] (`rowNormRatios`
 * of composed image and mean effective template) and `effectiveEdgeWeights` (per edge region, the
 * z-score [10] of each digit's mean effective template over it). `composedOutput` is the network's
 * composed output images (W1·W2·W3)ᵀ, [10, 784], from `composeNet`.
 */
export async function effectiveSeedMeasures(
  net: DenseNet,
  composedOutput: Float32Array,
  test: DigitSet,
): Promise<{ effectiveCosine: number[]; effectiveStrength: number[]; effectiveEdgeWeights: { region: string; zScore: number[] }[] }> {
  const templates = await meanEffectiveTemplates(net, test);
  return {
    effectiveCosine: rowCosines(composedOutput, templates),
    effectiveStrength: rowNormRatios(composedOutput, templates),
    effectiveEdgeWeights: edgeRegionWeights(templates),
  };
}

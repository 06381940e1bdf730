import * as tf from '@tensorflow/tfjs';
import { batchTensors } from './batches';
import type { DenseNet } from './dense-net';
import { type WeightTensors, withWeightTensors } from './dense-tensors';
import type { DigitSet } from './mnist';

/** Marks a place in a node's top list that no digit fills: fewer than k digits activate the node at all. */
export const NO_DIGIT = -1;

/** Per hidden layer, each node's strongest digits: [nodes, k] indices into the set, strongest first. */
export interface TopDigits {
  k: number;
  layers: { index: number; nodes: number; digits: Int32Array }[];
}

const BATCH = 1000;

/**
 * For every node of both hidden layers, the k digits of `set` whose post-ReLU activation of the
 * node is largest (ties: the earlier digit). Places beyond the digits that activate the node at
 * all (activation > 0) hold NO_DIGIT. Activations are computed for the whole set, [count, h1 + h2]
 * floats, so `set` should be thousands of digits, not tens of thousands.
 */
export async function topActivatingDigits(net: DenseNet, set: DigitSet, k: number): Promise<TopDigits> {
  if (!Number.isInteger(k) || k < 1 || k > set.count) throw new RangeError(`cannot take the top ${k} of ${set.count} digits`);
  return withWeightTensors(net, (w) => topDigits(w, set, k));
}

async function topDigits(net: WeightTensors, set: DigitSet, k: number): Promise<TopDigits> {
  const parts: tf.Tensor2D[][] = [[], []];
  for (let start = 0; start < set.count; start += BATCH) {
    const { xs, ys } = batchTensors(set, null, start, Math.min(start + BATCH, set.count));
    const [h1, h2] = tf.tidy(() => {
      const a1 = tf.relu(tf.add(tf.matMul(xs, net.kernels[0]), net.biases[0])) as tf.Tensor2D;
      const a2 = tf.relu(tf.add(tf.matMul(a1, net.kernels[1]), net.biases[1])) as tf.Tensor2D;
      return [a1, a2];
    });
    parts[0].push(h1);
    parts[1].push(h2);
    tf.dispose([xs, ys]);
  }
  const layers: TopDigits['layers'] = [];
  for (const [i, chunks] of parts.entries()) {
    const { values, indices } = tf.tidy(() => tf.topk(tf.transpose(tf.concat(chunks, 0)), k, true)); // [nodes, k]
    const [v, idx] = [await values.data(), await indices.data()];
    tf.dispose([values, indices, ...chunks]);
    const digits = Int32Array.from(idx, (d, j) => (v[j] > 0 ? d : NO_DIGIT));
    layers.push({ index: i + 1, nodes: digits.length / k, digits });
  }
  return { k, layers };
}

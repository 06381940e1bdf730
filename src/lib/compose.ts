import * as tf from '@tensorflow/tfjs';
import type { DenseNet } from './dense-net';
import { withWeightTensors } from './dense-tensors';

/**
 * The one composition of the project: every composed image, in the pipeline, the widgets and the
 * effective measures, comes from `composeLayers` (all layers, input side first) or `composeLayer`
 * (one layer, multiplied from the output side).
 */

/**
 * Composes Dense kernels along the linear path of a network (no ReLUs, no biases).
 * Given kernels W1 [784, n1], W2 [n1, n2], ..., returns one matrix per layer:
 * W1ᵀ [n1, 784], (W1·W2)ᵀ [n2, 784], (W1·W2·W3)ᵀ [n3, 784]. Row i is node i's image.
 * The caller disposes the returned tensors; the inputs are left alone.
 */
export function composeLayers(kernels: readonly tf.Tensor2D[]): tf.Tensor2D[] {
  if (kernels.length === 0) return [];
  return tf.tidy(() => {
    const out: tf.Tensor2D[] = [];
    let path = kernels[0];
    out.push(path.transpose());
    for (let i = 1; i < kernels.length; i++) {
      if (kernels[i].shape[0] !== path.shape[1]) {
        throw new Error(`kernel ${i} has ${kernels[i].shape[0]} inputs, layer ${i - 1} has ${path.shape[1]} outputs`);
      }
      path = tf.matMul(path, kernels[i]);
      out.push(path.transpose());
    }
    return out;
  });
}

/** Composed images as plain arrays: one Float32Array [nodes * 784] per layer, row-major. */
export async function composeToArrays(kernels: readonly tf.Tensor2D[]): Promise<{ nodes: number; values: Float32Array }[]> {
  const composed = composeLayers(kernels);
  try {
    return await Promise.all(
      composed.map(async (m) => ({ nodes: m.shape[0], values: (await m.data()) as Float32Array })),
    );
  } finally {
    tf.dispose(composed);
  }
}

/** `composeToArrays` of a `DenseNet`'s kernels: every layer's composed images, input side first. */
export async function composeNet(net: DenseNet): Promise<{ nodes: number; values: Float32Array }[]> {
  return withWeightTensors(net, (w) => composeToArrays(w.kernels));
}

/**
 * The composed images of one layer only (0-based `index`), [nodes, 784]. Multiplies from the
 * output side first, (W1·(W2·W3)), which for the narrow output layer costs a fraction of
 * composing every layer. Caller disposes.
 */
export function composeLayer(kernels: readonly tf.Tensor2D[], index: number): tf.Tensor2D {
  if (index < 0 || index >= kernels.length) throw new RangeError(`no layer ${index} among ${kernels.length}`);
  return tf.tidy(() => {
    let tail = kernels[index];
    for (let i = index - 1; i >= 1; i--) tail = tf.matMul(kernels[i], tail);
    const path = index === 0 ? kernels[0] : tf.matMul(kernels[0], tail);
    return path.transpose();
  });
}

import * as tf from '@tensorflow/tfjs';

/** tfjs's `NamedTensor`, which its public index does not export. */
export type NamedTensor = { name: string; tensor: tf.Tensor };
export type NamedGradient = NamedTensor;

/** A per-weight optimizer state tensor and the name it is saved under. */
export interface Slot {
  originalName: string;
  variable: tf.Variable;
}

export function namesOf(gradients: tf.NamedTensorMap | NamedGradient[]): string[] {
  return Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
}

export function gradientOf(gradients: tf.NamedTensorMap | NamedGradient[], name: string, i: number): tf.Tensor | undefined {
  return Array.isArray(gradients) ? gradients[i].tensor : gradients[name];
}

/** A non-trainable zero tensor shaped like `value`. */
export function zeroSlot(value: tf.Variable, originalName: string): Slot {
  return { originalName, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
}

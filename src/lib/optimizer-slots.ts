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

/** A slot restored from saved optimizer weights. */
export function slotFrom(saved: NamedTensor): Slot {
  return { originalName: saved.name, variable: saved.tensor.variable(false) };
}

/** Slots as the named tensors `getWeights` returns. */
export function namedSlots(slots: readonly Slot[]): NamedTensor[] {
  return slots.map((s) => ({ name: s.originalName, tensor: s.variable }));
}

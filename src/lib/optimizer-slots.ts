import * as tf from '@tensorflow/tfjs';

/** tfjs's `NamedTensor`, which its public index does not export. */
export type NamedTensor = { name: string; tensor: tf.Tensor };
export type NamedGradient = NamedTensor;

/** A per-weight optimizer state tensor and the name it is saved under. */
export interface Slot {
  originalName: string;
  variable: tf.Variable;
}

function namesOf(gradients: tf.NamedTensorMap | NamedGradient[]): string[] {
  return Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
}

function gradientOf(gradients: tf.NamedTensorMap | NamedGradient[], name: string, i: number): tf.Tensor | undefined {
  return Array.isArray(gradients) ? gradients[i].tensor : gradients[name];
}

/**
 * The loop every optimizer here runs in `applyGradients`: for each variable of `gradients`, in
 * order, `slots` first (so that a variable without a gradient still gets its slots, at index `i`),
 * then, for one with a gradient, `update` inside `tf.tidy`.
 */
export function eachUpdate(
  gradients: tf.NamedTensorMap | NamedGradient[],
  slots: (i: number, name: string, value: tf.Variable) => void,
  update: (i: number, value: tf.Variable, gradient: tf.Tensor) => void,
): void {
  namesOf(gradients).forEach((name, i) => {
    const value = tf.engine().registeredVariables[name];
    slots(i, name, value);
    const gradient = gradientOf(gradients, name, i);
    if (gradient == null) return;
    tf.tidy(() => update(i, value, gradient));
  });
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

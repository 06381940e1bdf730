import * as tf from '@tensorflow/tfjs';
import { eachUpdate, type NamedGradient, namedSlots, type NamedTensor, type Slot, slotFrom, zeroSlot } from './optimizer-slots';

/**
 * Adam as Keras 2 computes it, at step t (from 1):
 *
 *     m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
 *     w ← w − lr·√(1 − β2ᵗ)/(1 − β1ᵗ) · m / (√v + ε)
 *
 * Keras's defaults: lr 0.001, β1 0.9, β2 0.999, ε 1e-7. `tf.train.adam` divides by
 * √v̂ + ε with the bias-corrected v̂, which puts ε on a different scale early in training.
 */
export class KerasAdamOptimizer extends tf.Optimizer {
  static get className(): string {
    return 'KerasAdam';
  }

  private moments: Slot[] = [];
  private velocities: Slot[] = [];

  constructor(
    readonly learningRate = 0.001,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-7,
  ) {
    super();
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedGradient[]): void {
    // Keras counts steps from 1; `iterations` counts the updates made before this one.
    const t = this.iterations + 1;
    const stepSize = (this.learningRate * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    eachUpdate(
      variableGradients,
      (i, name, value) => {
        this.moments[i] ??= zeroSlot(value, `${name}/m`);
        this.velocities[i] ??= zeroSlot(value, `${name}/v`);
      },
      (i, value, gradient) => {
        const m = this.moments[i].variable;
        const v = this.velocities[i].variable;
        const nextM = tf.add(tf.mul(m, this.beta1), tf.mul(gradient, 1 - this.beta1));
        const nextV = tf.add(tf.mul(v, this.beta2), tf.mul(tf.square(gradient), 1 - this.beta2));
        m.assign(nextM);
        v.assign(nextV);
        value.assign(tf.sub(value, tf.div(tf.mul(nextM, stepSize), tf.add(tf.sqrt(nextV), this.epsilon))));
      },
    );
    this.incrementIterations();
  }

  override dispose(): void {
    super.dispose();
    tf.dispose([...this.moments, ...this.velocities].map((s) => s.variable));
    this.moments = [];
    this.velocities = [];
  }

  override async getWeights(): Promise<NamedTensor[]> {
    return [await this.saveIterations(), ...namedSlots([...this.moments, ...this.velocities])];
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const rest = await this.extractIterations(weightValues);
    const half = rest.length / 2;
    this.moments = rest.slice(0, half).map(slotFrom);
    this.velocities = rest.slice(half).map(slotFrom);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}

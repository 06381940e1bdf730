import * as tf from '@tensorflow/tfjs';
import { eachUpdate, type NamedGradient, namedSlots, type NamedTensor, type Slot, slotFrom, zeroSlot } from './optimizer-slots';

/**
 * RMSprop as Keras 2 defines it (no momentum, not centred):
 *
 *     ms ← ρ·ms + (1 − ρ)·g²
 *     w  ← w − lr·g / (√ms + ε)
 *
 * with `ms` starting at zero. TensorFlow.js's `tf.train.rmsprop` divides by √(ms + ε) instead,
 * which shrinks the steps of weights whose gradients stay small; see `RmspropOptimizer`.
 */
export class KerasRmspropOptimizer extends tf.Optimizer {
  static get className(): string {
    return 'KerasRMSprop';
  }

  private meanSquares: Slot[] = [];

  constructor(
    readonly learningRate: number,
    readonly rho = 0.9,
    readonly epsilon = 1e-7,
  ) {
    super();
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedGradient[]): void {
    eachUpdate(
      variableGradients,
      (i, name, value) => {
        this.meanSquares[i] ??= zeroSlot(value, `${name}/rms`);
      },
      (i, value, gradient) => {
        const meanSquare = this.meanSquares[i].variable;
        const next = tf.add(tf.mul(meanSquare, this.rho), tf.mul(tf.square(gradient), 1 - this.rho));
        meanSquare.assign(next);
        value.assign(tf.sub(value, tf.div(tf.mul(gradient, this.learningRate), tf.add(tf.sqrt(next), this.epsilon))));
      },
    );
    this.incrementIterations();
  }

  override dispose(): void {
    super.dispose();
    tf.dispose(this.meanSquares.map((s) => s.variable));
    this.meanSquares = [];
  }

  override async getWeights(): Promise<NamedTensor[]> {
    return [await this.saveIterations(), ...namedSlots(this.meanSquares)];
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const rest = await this.extractIterations(weightValues);
    this.meanSquares = rest.map(slotFrom);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, rho: this.rho, epsilon: this.epsilon };
  }
}

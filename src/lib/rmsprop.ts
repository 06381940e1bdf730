import * as tf from '@tensorflow/tfjs';
import { eachUpdate, type NamedGradient, type Slot, zeroSlot } from './optimizer-slots';

/**
 * RMSprop as TensorFlow.js writes it, dividing by √(ms + ε): the `rmsprop-tfjs` optimizer of the
 * optimizer study (the experiment itself uses `KerasRmspropOptimizer`). One fix over the stock
 * class: its plain (uncentered) update computes the new mean square twice and throws the first
 * result away, four full passes over every weight matrix per step. This
 * subclass runs the stock update's kernels in the same order once, so its results are
 * bit-identical to `tf.train.rmsprop` (a test checks this) for about a quarter less update work.
 * The centered variant is left to the stock code.
 */

/** The stock optimizer's private state, shared with this subclass. */
interface RmspropState {
  learningRate: number;
  decay: number;
  momentum: number;
  epsilon: number;
  centered: boolean;
  accumulatedMeanSquares: Slot[];
  accumulatedMoments: Slot[];
}

export class RmspropOptimizer extends tf.RMSPropOptimizer {
  override applyGradients(variableGradients: tf.NamedTensorMap | NamedGradient[]): void {
    const state = this as unknown as RmspropState;
    if (state.centered) {
      super.applyGradients(variableGradients);
      return;
    }
    eachUpdate(
      variableGradients,
      (i, name, value) => {
        state.accumulatedMeanSquares[i] ??= zeroSlot(value, `${name}/rms`);
        state.accumulatedMoments[i] ??= zeroSlot(value, `${name}/momentum`);
      },
      (i, value, gradient) => {
        const meanSquare = state.accumulatedMeanSquares[i].variable;
        const moment = state.accumulatedMoments[i].variable;
        const newMeanSquare = tf.add(tf.mul(meanSquare, state.decay), tf.mul(tf.square(gradient), 1 - state.decay));
        const newMoment = tf.add(
          tf.mul(moment, state.momentum),
          tf.div(tf.mul(gradient, state.learningRate), tf.sqrt(tf.add(newMeanSquare, state.epsilon))),
        );
        meanSquare.assign(newMeanSquare);
        moment.assign(newMoment);
        value.assign(tf.sub(value, newMoment));
      },
    );
    this.incrementIterations();
  }
}

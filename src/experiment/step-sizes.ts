import { OPTIMIZERS, type OptimizerName } from './optimizers';

/**
 * The size of the step each optimizer takes on a weight that has had no gradient for a long time
 * (its running averages have decayed to zero) when a gradient of size `g` arrives: the situation
 * of a weight on a pixel that few images ink. Float64, from the update formulas with the article's
 * settings (`OPTIMIZERS`, the same the optimizers are built with); a unit test checks each against
 * the real optimizer.
 */
export function firstStepAfterQuiet(name: OptimizerName, g: number): number {
  switch (name) {
    case 'sgd':
      return OPTIMIZERS.sgd.learningRate * g;
    case 'rmsprop-tfjs': {
      const { learningRate, rho, epsilon } = OPTIMIZERS[name];
      return (learningRate * g) / Math.sqrt((1 - rho) * g * g + epsilon);
    }
    case 'rmsprop-keras': {
      const { learningRate, rho, epsilon } = OPTIMIZERS[name];
      return (learningRate * g) / (Math.sqrt((1 - rho) * g * g) + epsilon);
    }
    case 'adam': {
      // Late in training the bias corrections are 1; m = (1 − β1)·g and v = (1 − β2)·g² after one step.
      const { learningRate, beta1, beta2, epsilon } = OPTIMIZERS[name];
      return (learningRate * (1 - beta1) * g) / (Math.sqrt((1 - beta2) * g * g) + epsilon);
    }
  }
}

import { OPTIMIZERS, type OptimizerName } from './optimizer-names';

/**
 * The size of the step each optimizer takes on a weight that has had no gradient for a long time
 * (its running averages have decayed to zero) when a gradient of size `g` arrives: the situation
 * of a weight on a pixel that few images ink. Float64, from the update formulas with the article's
 * settings; a unit test checks each against the real optimizer.
 */
export function firstStepAfterQuiet(name: OptimizerName, g: number): number {
  const lr = OPTIMIZERS[name].learningRate;
  switch (name) {
    case 'sgd':
      return lr * g;
    case 'rmsprop-tfjs':
      return (lr * g) / Math.sqrt(0.1 * g * g + 1e-7);
    case 'rmsprop-keras':
      return (lr * g) / (Math.sqrt(0.1 * g * g) + 1e-7);
    case 'adam': {
      // Late in training the bias corrections are 1; m = 0.1·g and v = 0.001·g² after one step.
      return (lr * 0.1 * g) / (Math.sqrt(0.001 * g * g) + 1e-7);
    }
  }
}

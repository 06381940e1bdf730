import * as tf from '@tensorflow/tfjs';
import { KerasAdamOptimizer } from './keras-adam';
import { KerasRmspropOptimizer } from './keras-rmsprop';
import { OPTIMIZERS, type OptimizerName } from './optimizer-names';
import { RmspropOptimizer } from './rmsprop';

export * from './optimizer-names';

/** A fresh optimizer of the named kind. */
export function createOptimizer(name: OptimizerName, learningRate = OPTIMIZERS[name].learningRate): tf.Optimizer {
  switch (name) {
    case 'rmsprop-keras':
      return new KerasRmspropOptimizer(learningRate);
    case 'rmsprop-tfjs':
      return new RmspropOptimizer(learningRate);
    case 'adam':
      return new KerasAdamOptimizer(learningRate);
    case 'sgd':
      return tf.train.sgd(learningRate);
  }
}

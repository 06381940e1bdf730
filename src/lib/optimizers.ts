import * as tf from '@tensorflow/tfjs';
import { KerasAdamOptimizer } from './keras-adam';
import { KerasRmspropOptimizer } from './keras-rmsprop';
import { OPTIMIZERS, type OptimizerName } from '../experiment/optimizers';
import { RmspropOptimizer } from './rmsprop';

/** A fresh optimizer of the named kind. */
export function createOptimizer(name: OptimizerName, learningRate = OPTIMIZERS[name].learningRate): tf.Optimizer {
  switch (name) {
    case 'rmsprop-keras': {
      const { rho, epsilon } = OPTIMIZERS[name];
      return new KerasRmspropOptimizer(learningRate, rho, epsilon);
    }
    case 'rmsprop-tfjs': {
      const { rho, epsilon } = OPTIMIZERS[name];
      return new RmspropOptimizer(learningRate, rho, 0, epsilon);
    }
    case 'adam': {
      const { beta1, beta2, epsilon } = OPTIMIZERS[name];
      return new KerasAdamOptimizer(learningRate, beta1, beta2, epsilon);
    }
    case 'sgd':
      return tf.train.sgd(learningRate);
  }
}

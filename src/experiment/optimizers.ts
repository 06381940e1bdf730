/**
 * The optimizers the article compares and the settings it trains them with. Plain data, without
 * TensorFlow.js, so that pages can import it; `createOptimizer` (src/lib/optimizers.ts) builds
 * each optimizer from these settings, and the step-size table computes from the same numbers.
 */

/** The optimizers the article compares; `rmsprop-keras` is the original experiment's. */
export const OPTIMIZER_NAMES = ['rmsprop-keras', 'rmsprop-tfjs', 'adam', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export interface OptimizerInfo {
  label: string;
  /** The learning rate the article trains with. */
  learningRate: number;
  /** One line on what the update does. */
  description: string;
}

/** RMSprop's settings: the decay of the running mean square and the ε of its denominator. */
export interface RmspropSettings extends OptimizerInfo {
  rho: number;
  epsilon: number;
}

/** Adam's settings: the decays of its two running means and the ε of its denominator. */
export interface AdamSettings extends OptimizerInfo {
  beta1: number;
  beta2: number;
  epsilon: number;
}

const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

export const OPTIMIZERS: {
  'rmsprop-keras': RmspropSettings;
  'rmsprop-tfjs': RmspropSettings;
  adam: AdamSettings;
  sgd: OptimizerInfo;
} = {
  'rmsprop-keras': {
    label: 'RMSprop (Keras)',
    learningRate: 0.001,
    rho: 0.9,
    epsilon: 1e-7,
    description: 'step = lr·g / (√ms + ε), as Keras 2 computes it: the original experiment',
  },
  'rmsprop-tfjs': {
    label: 'RMSprop (TensorFlow.js)',
    learningRate: 0.001,
    rho: 0.9,
    epsilon: 1e-7,
    description: 'step = lr·g / √(ms + ε), as tf.train.rmsprop computes it',
  },
  adam: {
    label: 'Adam',
    learningRate: 0.001,
    ...ADAM,
    description: `Keras's defaults: β1 ${ADAM.beta1}, β2 ${ADAM.beta2}, ε ${ADAM.epsilon}`,
  },
  sgd: {
    label: 'plain SGD',
    learningRate: 0.1,
    description: 'step = lr·g, the same for every weight',
  },
};

export function isOptimizerName(name: string): name is OptimizerName {
  return (OPTIMIZER_NAMES as readonly string[]).includes(name);
}

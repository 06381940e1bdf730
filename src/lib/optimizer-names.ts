/** Names and settings of the optimizers, without TensorFlow.js, so that pages can import them. */

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

export const OPTIMIZERS: Record<OptimizerName, OptimizerInfo> = {
  'rmsprop-keras': {
    label: 'RMSprop (Keras)',
    learningRate: 0.001,
    description: 'step = lr·g / (√ms + ε), as Keras 2 computes it: the original experiment',
  },
  'rmsprop-tfjs': {
    label: 'RMSprop (TensorFlow.js)',
    learningRate: 0.001,
    description: 'step = lr·g / √(ms + ε), as tf.train.rmsprop computes it',
  },
  adam: {
    label: 'Adam',
    learningRate: 0.001,
    description: "Keras's defaults: β1 0.9, β2 0.999, ε 1e-7",
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

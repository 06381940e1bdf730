import * as tf from '@tensorflow/tfjs';
import { PIXELS } from './idx';
import { deriveSeed } from './rng';
import { createOptimizer, type OptimizerName } from './optimizers';

export const CLASSES = 10;

/** The two networks of the article: hidden layer widths between the 784 inputs and 10 outputs. */
export const ARCHITECTURES = {
  mlp: { hidden: [512, 256], title: 'the multi-layer network' },
  linear: { hidden: [], title: 'no hidden layers' },
} as const satisfies Record<string, { hidden: readonly number[]; title: string }>;

export type Architecture = keyof typeof ARCHITECTURES;

/** How a model is trained. Defaults follow the original notebook. */
export interface TrainingConfig {
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingConfig = {
  optimizer: 'rmsprop-keras',
  learningRate: 0.001,
  batchSize: 128,
  epochs: 6,
  seed: 20261126,
};

/** A trained variant the pipeline produces and the article shows. */
export interface VariantSpec {
  id: string;
  architecture: Architecture;
  trainCount: number;
}

export const VARIANTS: readonly VariantSpec[] = [
  { id: 'mlp-500', architecture: 'mlp', trainCount: 500 },
  { id: 'mlp-60k', architecture: 'mlp', trainCount: 60000 },
  { id: 'linear-60k', architecture: 'linear', trainCount: 60000 },
];

/** Layer sizes from input to output, e.g. [784, 512, 256, 10]. */
export function layerSizes(architecture: Architecture): number[] {
  return [PIXELS, ...ARCHITECTURES[architecture].hidden, CLASSES];
}

/**
 * Builds and compiles a fresh model. Kernels are Glorot-uniform with seeds derived from
 * `config.seed`, biases start at zero, so the same seed gives the same initial weights.
 * `optimizer` replaces the one `config` names (the benchmark passes tfjs's own to time the stock path).
 */
export function createModel(architecture: Architecture, config: TrainingConfig, optimizer?: tf.Optimizer): tf.Sequential {
  const sizes = layerSizes(architecture);
  const model = tf.sequential({ name: `${architecture}` });
  for (let i = 1; i < sizes.length; i++) {
    const last = i === sizes.length - 1;
    model.add(
      tf.layers.dense({
        name: last ? 'output' : `hidden${i}`,
        units: sizes[i],
        activation: last ? 'softmax' : 'relu',
        inputShape: i === 1 ? [PIXELS] : undefined,
        kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(config.seed, i) }),
        biasInitializer: 'zeros',
      }),
    );
  }
  compileModel(model, config, optimizer);
  return model;
}

/** Attaches the optimizer, loss and metric of the experiment (also used after loading a model). */
export function compileModel(
  model: tf.LayersModel,
  config: TrainingConfig,
  optimizer: tf.Optimizer = createOptimizer(config.optimizer, config.learningRate),
): void {
  model.compile({
    optimizer,
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
}

/** The Dense kernels of a model, input side first; each is [inputs, outputs]. Caller disposes. */
export function denseKernels(model: tf.LayersModel): tf.Tensor2D[] {
  return model.layers.map((layer) => layer.getWeights()[0].clone() as tf.Tensor2D);
}

/** Frees a model and its optimizer's slots (an optimizer passed to `compile` is not freed with it). */
export function disposeModel(model: tf.LayersModel): void {
  model.optimizer?.dispose();
  model.dispose();
}

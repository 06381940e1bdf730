import * as tf from '@tensorflow/tfjs';
import { CLASSES, PIXELS } from './mnist-constants';
import { deriveSeed } from './rng';
import { createOptimizer, OPTIMIZERS, type OptimizerName } from './optimizers';


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

/**
 * A trained variant the pipeline produces and the article shows. `experiment` variants are the
 * original's (Keras RMSprop) and get every figure; `study` variants retrain an experiment variant
 * with another optimizer and keep only their output images.
 */
export interface VariantSpec {
  id: string;
  architecture: Architecture;
  trainCount: number;
  optimizer: OptimizerName;
  /** How many seeds to train; the first (`TrainingConfig.seed`) makes the figures. */
  seeds: number;
  role: 'experiment' | 'study';
}

/** The three models of the original experiment. */
export const VARIANTS: readonly VariantSpec[] = [
  { id: 'mlp-500', architecture: 'mlp', trainCount: 500, optimizer: 'rmsprop-keras', seeds: 5, role: 'experiment' },
  { id: 'mlp-60k', architecture: 'mlp', trainCount: 60000, optimizer: 'rmsprop-keras', seeds: 5, role: 'experiment' },
  { id: 'linear-60k', architecture: 'linear', trainCount: 60000, optimizer: 'rmsprop-keras', seeds: 5, role: 'experiment' },
];

/** The optimizer study: the two multi-layer variants retrained with each other optimizer. */
export const STUDY_VARIANTS: readonly VariantSpec[] = (['rmsprop-tfjs', 'adam', 'sgd'] as const).flatMap((optimizer) => [
  { id: `mlp-500-${optimizer}`, architecture: 'mlp', trainCount: 500, optimizer, seeds: 5, role: 'study' } as const,
  { id: `mlp-60k-${optimizer}`, architecture: 'mlp', trainCount: 60000, optimizer, seeds: 3, role: 'study' } as const,
]);

/** The variant `spec` retrains with another optimizer, or itself. */
export function baseVariantId(spec: Pick<VariantSpec, 'id' | 'optimizer' | 'role'>): string {
  return spec.role === 'study' ? spec.id.slice(0, -spec.optimizer.length - 1) : spec.id;
}

/** The seeds of a variant: the figure seed first, then the following integers. */
export function seedsOf(spec: VariantSpec, config: TrainingConfig): number[] {
  return Array.from({ length: spec.seeds }, (_, k) => config.seed + k);
}

/** The training configuration of one seed of a variant: its optimizer, at that optimizer's rate. */
export function variantConfig(spec: VariantSpec, base: TrainingConfig, seed = base.seed): TrainingConfig {
  return { ...base, optimizer: spec.optimizer, learningRate: OPTIMIZERS[spec.optimizer].learningRate, seed };
}

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

import * as tf from '@tensorflow/tfjs';
import type { Architecture } from '../experiment/networks';
import type { TrainingConfig } from '../experiment/training';
import { layerSizes } from './layer-sizes';
import { PIXELS } from './mnist-constants';
import { createOptimizer } from './optimizers';
import { deriveSeed } from './rng';

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

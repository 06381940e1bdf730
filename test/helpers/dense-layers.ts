import type * as tf from '@tensorflow/tfjs';
import type { DenseLayer, DenseNet } from '../../src/lib/dense-net';
import { denseNetOf } from '../../src/lib/dense-tensors';

const HIDDEN_ACTIVATIONS = ['relu'];
/** The output's activation is applied after the logits, so it does not enter J(x) or b(x). */
const OUTPUT_ACTIVATIONS = ['softmax', 'linear'];

/**
 * The layers of `denseNetOf(model)` for `effectiveMap`, after checking that the model is a
 * Sequential stack of Dense layers with bias, ReLU on the hidden ones and softmax or none on the
 * output. Throws for any other model, since the maps are exact only for this kind of network.
 */
export function readDenseLayers(model: tf.LayersModel): DenseLayer[] {
  model.layers.forEach((layer, l) => {
    const config = layer.getConfig();
    const allowed = l === model.layers.length - 1 ? OUTPUT_ACTIVATIONS : HIDDEN_ACTIVATIONS;
    if (layer.getClassName() !== 'Dense' || !allowed.includes(String(config.activation)) || config.useBias === false) {
      throw new Error(`layer ${layer.name} is not a Dense layer with bias and ${allowed.join(' or ')}`);
    }
  });
  return denseNetOf(model).layers;
}

/**
 * A `DenseNet` holding copies of the given weight tensors (kernels [inputs, units], biases
 * [units], input side first): ReLU on the hidden layers, no activation on the last.
 */
export function denseNetFromTensors(kernels: readonly tf.Tensor2D[], biases: readonly tf.Tensor1D[]): DenseNet {
  return {
    layers: kernels.map((kernel, i) => ({
      name: `dense${i + 1}`,
      inputs: kernel.shape[0],
      units: kernel.shape[1],
      kernel: Float32Array.from(kernel.dataSync()),
      bias: Float32Array.from(biases[i].dataSync()),
      activation: i === kernels.length - 1 ? 'linear' : 'relu',
    })),
  };
}

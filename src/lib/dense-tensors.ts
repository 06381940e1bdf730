import * as tf from '@tensorflow/tfjs';
import { type DenseActivation, type DenseNet, DENSE_ACTIVATIONS } from './dense-net';

/**
 * The bridge between a TensorFlow.js model and `DenseNet`, the one weights type: read a trained
 * model's weights into it, and upload its weights as tensors for batched work.
 */

/**
 * Copies the weights of a Sequential stack of Dense layers into a `DenseNet`: per layer its name,
 * kernel [inputs, units] and bias [units] (zeros without bias), and activation. Reads each weight
 * once; creates no tensors. Throws naming the layer for anything but a Dense layer with a
 * supported activation.
 */
export function denseNetOf(model: tf.LayersModel): DenseNet {
  return {
    layers: model.layers.map((layer) => {
      const config = layer.getConfig();
      const activation = String(config.activation ?? 'linear');
      if (layer.getClassName() !== 'Dense' || !(DENSE_ACTIVATIONS as readonly string[]).includes(activation)) {
        throw new Error(`layer ${layer.name} of model "${model.name}" is not a Dense layer with ${DENSE_ACTIVATIONS.join(', ')} activation`);
      }
      // getWeights() returns the model's own variables: read them, do not dispose them.
      const [kernel, bias] = layer.getWeights();
      const [inputs, units] = kernel.shape;
      return {
        name: layer.name,
        inputs,
        units,
        kernel: (kernel.dataSync() as Float32Array).slice(),
        bias: bias ? (bias.dataSync() as Float32Array).slice() : new Float32Array(units),
        activation: activation as DenseActivation,
      };
    }),
  };
}

/** A `DenseNet`'s weights as tensors, input side first: kernels [inputs, units], biases [units]. */
export interface WeightTensors {
  kernels: tf.Tensor2D[];
  biases: tf.Tensor1D[];
}

/** Uploads `net`'s weights as tensors; the caller frees them with `disposeWeights`. */
export function weightTensors(net: DenseNet): WeightTensors {
  return {
    kernels: net.layers.map((l) => tf.tensor2d(l.kernel, [l.inputs, l.units])),
    biases: net.layers.map((l) => tf.tensor1d(l.bias)),
  };
}

export function disposeWeights(w: WeightTensors): void {
  tf.dispose([...w.kernels, ...w.biases]);
}

/** Runs `use` on `net`'s weights as tensors and frees them afterwards. */
export async function withWeightTensors<T>(net: DenseNet, use: (w: WeightTensors) => Promise<T>): Promise<T> {
  const w = weightTensors(net);
  try {
    return await use(w);
  } finally {
    disposeWeights(w);
  }
}

import type * as tf from '@tensorflow/tfjs';
import type { DenseLayer } from '../../src/lib/effective-map';

const HIDDEN_ACTIVATIONS = ['relu'];
/** The output's activation is applied after the logits, so it does not enter J(x) or b(x). */
const OUTPUT_ACTIVATIONS = ['softmax', 'linear'];

/**
 * Copies the weights of a Sequential stack of Dense layers (ReLU on the hidden ones, softmax or
 * none on the output) into plain arrays for `effectiveMap`: per layer kernel [inputs, units] and
 * bias [units], input side first. Reads once; creates no tensors. Throws for any other model,
 * since the maps are exact only for this kind of network.
 */
export function readDenseLayers(model: tf.LayersModel): DenseLayer[] {
  return model.layers.map((layer, l) => {
    const config = layer.getConfig();
    const allowed = l === model.layers.length - 1 ? OUTPUT_ACTIVATIONS : HIDDEN_ACTIVATIONS;
    if (layer.getClassName() !== 'Dense' || !allowed.includes(String(config.activation)) || config.useBias === false) {
      throw new Error(`layer ${layer.name} is not a Dense layer with bias and ${allowed.join(' or ')}`);
    }
    // getWeights() returns the model's own variables: read them, do not dispose them.
    const [kernel, bias] = layer.getWeights();
    return { kernel: (kernel.dataSync() as Float32Array).slice(), bias: (bias.dataSync() as Float32Array).slice() };
  });
}

/**
 * The exact linear map a ReLU network applies around one input. With the hidden nodes that are
 * silent for x taken out, every layer is a plain matrix, so logits = J(x)·x + b(x) holds exactly
 * in a neighbourhood of x. Plain TypeScript on Float32Arrays: no TensorFlow.js needed.
 */
import { affine, type LayerWeights } from './dense-net';

/** The network's linear map around one input. */
export interface EffectiveMap {
  /** J(x), row-major [classes, inputs]: row c is the picture logit c applies to the input. */
  jacobian: Float32Array;
  /** b(x) [classes]: the biases carried to the output along the active path. */
  bias: Float32Array;
  /** The pre-softmax scores [classes] from the forward pass. */
  logits: Float32Array;
}

/** Inputs of a layer, from its kernel and bias sizes. */
function inputsOf(layer: LayerWeights): number {
  const inputs = layer.kernel.length / layer.bias.length;
  if (!Number.isInteger(inputs) || layer.bias.length === 0) {
    throw new Error(`a kernel of ${layer.kernel.length} values does not fit ${layer.bias.length} biases`);
  }
  return inputs;
}

/** Checks that each layer's inputs are the previous layer's units, the first's the input's length. */
function checkShapes(layers: readonly LayerWeights[], input: Float32Array): void {
  if (layers.length === 0) throw new Error('a network needs at least one layer');
  let width = input.length;
  layers.forEach((layer, l) => {
    const inputs = inputsOf(layer);
    if (inputs !== width) throw new Error(`layer ${l} takes ${inputs} inputs, but gets ${width}`);
    width = layer.bias.length;
  });
}

/** Forward pass of one layer, h [inputs] -> h·W + b [units]; zero inputs are skipped (ink is sparse). */
function dense(layer: LayerWeights, h: Float32Array): Float32Array {
  return Float32Array.from(affine(layer.kernel, layer.bias, h));
}

/**
 * J(x), b(x) and the logits of a network of Dense layers with ReLU on every layer but the last,
 * whose pre-activation is the logits (a softmax there does not matter). One layer is the linear
 * model: J = Wᵀ, b = bias. The map is built from the output side, W_L ⊙ mask · W_{L-1}ᵀ …,
 * so each step multiplies only [classes, active nodes] by a kernel, and silent nodes cost nothing.
 *
 * `layers` input side first; `input` [inputs]. Returns jacobian [classes, inputs], bias and logits [classes].
 */
export function effectiveMap(layers: readonly LayerWeights[], input: Float32Array): EffectiveMap {
  checkShapes(layers, input);
  const activations = [input];
  const active: Int32Array[] = [];
  for (const layer of layers.slice(0, -1)) {
    const z = dense(layer, activations[activations.length - 1]);
    // tfjs's ReLU gradient is 0 at exactly 0, so a node at 0 counts as silent.
    const on = Int32Array.from(z.keys()).filter((j) => z[j] > 0);
    active.push(on);
    activations.push(z.map((v) => Math.max(v, 0)));
  }
  const last = layers[layers.length - 1];
  const logits = dense(last, activations[activations.length - 1]);
  const classes = last.bias.length;

  // `map` is [classes, width]: how each node of the current layer's output moves each logit.
  let width = inputsOf(last);
  let map = new Float64Array(classes * width);
  for (let i = 0; i < width; i++) for (let c = 0; c < classes; c++) map[c * width + i] = last.kernel[i * classes + c];
  const bias = new Float64Array(last.bias);

  for (let l = layers.length - 2; l >= 0; l--) {
    const { kernel, bias: b } = layers[l];
    const on = active[l];
    const units = width;
    // The active columns only, compacted: silent nodes pass nothing, neither input nor bias.
    const masked = new Float64Array(classes * on.length);
    for (let c = 0; c < classes; c++) {
      for (let k = 0; k < on.length; k++) {
        const m = map[c * units + on[k]];
        masked[c * on.length + k] = m;
        bias[c] += m * b[on[k]];
      }
    }
    width = kernel.length / units;
    map = new Float64Array(classes * width);
    const row = new Float64Array(on.length);
    for (let i = 0; i < width; i++) {
      const start = i * units;
      for (let k = 0; k < on.length; k++) row[k] = kernel[start + on[k]];
      for (let c = 0; c < classes; c++) {
        let s = 0;
        const base = c * on.length;
        for (let k = 0; k < on.length; k++) s += masked[base + k] * row[k];
        map[c * width + i] = s;
      }
    }
  }
  return { jacobian: Float32Array.from(map), bias: Float32Array.from(bias), logits };
}

/**
 * Each pixel's share of each logit: x ⊙ J_c(x) for every class c, row-major [classes, inputs].
 * Row c sums to logit c minus b_c(x).
 */
export function contributionMaps(input: Float32Array, jacobian: Float32Array): Float32Array {
  const classes = jacobian.length / input.length;
  if (!Number.isInteger(classes)) throw new Error(`a map of ${jacobian.length} values does not fit an input of ${input.length}`);
  const out = new Float32Array(jacobian.length);
  for (let c = 0; c < classes; c++) {
    for (let p = 0; p < input.length; p++) out[c * input.length + p] = input[p] * jacobian[c * input.length + p];
  }
  return out;
}

/**
 * `DenseNet`, the one weights type of the project: a stack of Dense layers as plain arrays. Read
 * from the TensorFlow.js layers format (model.json + weights) here, or from a live model with
 * `denseNetOf` (dense-tensors.ts), and run in plain TypeScript: one forward pass per drawing needs
 * no TensorFlow.js on the page.
 */

/** The activations the article's models use. */
export const DENSE_ACTIVATIONS = ['relu', 'softmax', 'linear'] as const;
export type DenseActivation = (typeof DENSE_ACTIVATIONS)[number];

/** One Dense layer: y = activation(x · kernel + bias). */
export interface DenseLayer {
  name: string;
  inputs: number;
  units: number;
  /** Row-major [inputs, units], as Keras stores it. */
  kernel: Float32Array;
  /** [units]; zeros for a layer without bias. */
  bias: Float32Array;
  activation: DenseActivation;
}

/** The network, input side first. */
export interface DenseNet {
  layers: DenseLayer[];
}

/** What a layer's linear map needs: its kernel and bias. */
export type LayerWeights = Pick<DenseLayer, 'kernel' | 'bias'>;

interface LayerJson {
  class_name?: unknown;
  config?: { name?: unknown; units?: unknown; activation?: unknown; use_bias?: unknown };
}

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}

/**
 * Reads a Sequential model of Dense layers from its model.json (`modelTopology` and
 * `weightsManifest`) and the concatenated bytes of its weight files. `source` names the model in
 * errors. Anything else (another layer type, quantised or non-float32 weights, sizes that do not
 * chain or do not fill `weightData`) is rejected with the field at fault.
 */
export function parseDenseNet(modelJson: unknown, weightData: ArrayBuffer, source: string): DenseNet {
  const fail = (what: string): never => {
    throw new Error(`${source}: ${what}`);
  };
  const json = (typeof modelJson === 'object' && modelJson !== null ? modelJson : fail('model.json is not an object')) as {
    modelTopology?: { config?: { layers?: unknown } | unknown[] };
    weightsManifest?: { weights?: unknown }[];
  };
  const config = json.modelTopology?.config;
  const found = Array.isArray(config) ? config : (config as { layers?: unknown } | undefined)?.layers;
  const layersJson = Array.isArray(found) ? (found as LayerJson[]) : fail('modelTopology.config.layers is missing');
  const specs = (json.weightsManifest ?? []).flatMap((group) => (Array.isArray(group.weights) ? (group.weights as WeightSpec[]) : []));
  const offsets = new Map<string, { spec: WeightSpec; offset: number }>();
  let offset = 0;
  for (const spec of specs) {
    if (spec.dtype !== 'float32' || spec.quantization) fail(`weightsManifest: ${spec.name} is not plain float32`);
    offsets.set(spec.name, { spec, offset });
    offset += 4 * spec.shape.reduce((a, b) => a * b, 1);
  }
  if (offset !== weightData.byteLength) fail(`weightsManifest describes ${offset} bytes of weights, the weights hold ${weightData.byteLength}`);
  const read = (name: string, shape: number[]): Float32Array => {
    const found = offsets.get(name) ?? fail(`weightsManifest has no ${name}`);
    if (found.spec.shape.join('x') !== shape.join('x')) fail(`${name} has shape [${found.spec.shape}], expected [${shape}]`);
    return new Float32Array(weightData.slice(found.offset, found.offset + 4 * shape.reduce((a, b) => a * b, 1)));
  };

  const layers: DenseLayer[] = [];
  layersJson.forEach((layer, i) => {
    if (layer.class_name === 'InputLayer') return;
    const at = `modelTopology.config.layers.${i}`;
    if (layer.class_name !== 'Dense') fail(`${at}: ${String(layer.class_name)} layers are not supported, only Dense`);
    const name = typeof layer.config?.name === 'string' ? layer.config.name : fail(`${at}.config.name is missing`);
    const units = Number(layer.config?.units);
    if (!Number.isInteger(units) || units < 1) fail(`${at}.config.units is not a positive integer`);
    const activation = String(layer.config?.activation ?? 'linear');
    if (!(DENSE_ACTIVATIONS as readonly string[]).includes(activation)) fail(`${at}.config.activation "${activation}" is not supported`);
    const kernelSpec = offsets.get(`${name}/kernel`)?.spec ?? fail(`weightsManifest has no ${name}/kernel`);
    const inputs = kernelSpec.shape[0];
    const previous = layers[layers.length - 1];
    if (previous && previous.units !== inputs) fail(`${name}/kernel takes ${inputs} inputs, the layer before gives ${previous.units}`);
    layers.push({
      name,
      inputs,
      units,
      kernel: read(`${name}/kernel`, [inputs, units]),
      bias: layer.config?.use_bias === false ? new Float32Array(units) : read(`${name}/bias`, [units]),
      activation: activation as DenseActivation,
    });
  });
  if (layers.length === 0) fail('the model has no Dense layers');
  return { layers };
}

/** Every layer's output for one input, input side first; the last is the network's output. */
export function layerOutputs(net: DenseNet, input: Float32Array): Float32Array[] {
  if (input.length !== net.layers[0].inputs) throw new Error(`the network takes ${net.layers[0].inputs} inputs, not ${input.length}`);
  const outputs: Float32Array[] = [];
  let x = input;
  for (const layer of net.layers) {
    x = activate(affine(layer.kernel, layer.bias, x), layer.activation);
    outputs.push(x);
  }
  return outputs;
}

/**
 * x · kernel + bias in float64, for a kernel [x.length, bias.length] row-major; zero inputs (most
 * of a drawing's pixels, silent ReLUs) are skipped.
 */
export function affine(kernel: Float32Array, bias: Float32Array, x: Float32Array): Float64Array {
  const units = bias.length;
  const sums = new Float64Array(bias);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === 0) continue;
    const row = i * units;
    for (let j = 0; j < units; j++) sums[j] += v * kernel[row + j];
  }
  return sums;
}

/** The network's output (for a softmax last layer, the class probabilities) for one input. */
export function predictDense(net: DenseNet, input: Float32Array): Float32Array {
  const outputs = layerOutputs(net, input);
  return outputs[outputs.length - 1];
}

function activate(sums: Float64Array, activation: DenseActivation): Float32Array {
  if (activation === 'relu') return Float32Array.from(sums, (v) => (v > 0 ? v : 0));
  if (activation === 'linear') return Float32Array.from(sums);
  const max = Math.max(...sums);
  const exps = sums.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return Float32Array.from(exps, (v) => v / total);
}

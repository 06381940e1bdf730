import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerOutputs, parseDenseNet, predictDense } from '../../src/lib/dense-net';
import { DEFAULT_TRAINING } from '../../src/experiment/training';
import { createModel } from '../../src/lib/model';
import { modelFiles } from '../../src/lib/model-files';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A model with non-zero biases, so a forgotten or misplaced bias shows. */
async function trainedFiles(architecture: 'mlp' | 'linear') {
  const model = createModel(architecture, { ...DEFAULT_TRAINING, seed: 7 });
  for (const layer of model.layers) {
    const [kernel, bias] = layer.getWeights();
    layer.setWeights([kernel, tf.randomUniform(bias.shape, -0.5, 0.5, 'float32', 3)]);
  }
  const files = await modelFiles(model, 'weights.bin');
  return { model, files };
}

function inputs(count: number): Float32Array[] {
  const data = tf.randomUniform([count, 784], 0, 1, 'float32', 11).dataSync() as Float32Array;
  return Array.from({ length: count }, (_, i) => data.slice(i * 784, (i + 1) * 784));
}

describe('plain TypeScript forward pass of a layers model', () => {
  for (const architecture of ['mlp', 'linear'] as const) {
    it(`gives tfjs's probabilities for the ${architecture} network`, async () => {
      const { model, files } = await trainedFiles(architecture);
      const net = parseDenseNet(files.modelJson, files.weightData, 'test model');
      expect(net.layers.map((l) => [l.inputs, l.units, l.activation])).toEqual(
        architecture === 'mlp'
          ? [[784, 512, 'relu'], [512, 256, 'relu'], [256, 10, 'softmax']]
          : [[784, 10, 'softmax']],
      );
      for (const x of inputs(5)) {
        const want = tf.tidy(() => (model.predict(tf.tensor2d(x, [1, 784])) as tf.Tensor).dataSync() as Float32Array);
        const got = predictDense(net, x);
        expect(got).toHaveLength(10);
        for (let c = 0; c < 10; c++) expect(Math.abs(got[c] - want[c])).toBeLessThan(1e-5);
      }
      model.dispose();
    });
  }

  it('keeps the hidden activations, rectified', async () => {
    const { model, files } = await trainedFiles('mlp');
    const net = parseDenseNet(files.modelJson, files.weightData, 'test model');
    const outputs = layerOutputs(net, inputs(1)[0]);
    expect(outputs.map((o) => o.length)).toEqual([512, 256, 10]);
    expect(Math.min(...outputs[0])).toBe(0);
    expect(Math.max(...outputs[0])).toBeGreaterThan(0);
    model.dispose();
  });

  it('names the model and the field when the files do not fit', async () => {
    const { model, files } = await trainedFiles('linear');
    expect(() => parseDenseNet(files.modelJson, files.weightData.slice(4), 'linear.json')).toThrow(/linear\.json: weightsManifest describes 31400 bytes of weights, the weights hold 31396/);
    const json = files.modelJson as { modelTopology: { config: { layers: { class_name: string }[] } } };
    const conv = structuredClone(json);
    conv.modelTopology.config.layers[0].class_name = 'Conv2D';
    expect(() => parseDenseNet(conv, files.weightData, 'linear.json')).toThrow(/linear\.json: modelTopology\.config\.layers\.0: Conv2D layers are not supported/);
    expect(() => predictDense(parseDenseNet(files.modelJson, files.weightData, 'x'), new Float32Array(10))).toThrow(/takes 784 inputs, not 10/);
    model.dispose();
  });
});

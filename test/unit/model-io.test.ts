import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../scripts/load-model';
import { saveModel } from '../../scripts/save-model';
import { DEFAULT_TRAINING } from '../../src/experiment/training';
import { createModel, denseKernels } from '../../src/lib/model';

let dir: string;
beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'model-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('models', () => {
  it('have the layer sizes of the brief', () => {
    const mlp = createModel('mlp', DEFAULT_TRAINING);
    const kernels = denseKernels(mlp);
    expect(kernels.map((k) => k.shape)).toEqual([[784, 512], [512, 256], [256, 10]]);
    const linear = createModel('linear', DEFAULT_TRAINING);
    const lk = denseKernels(linear);
    expect(lk.map((k) => k.shape)).toEqual([[784, 10]]);
    tf.dispose([...kernels, ...lk]);
    mlp.dispose();
    linear.dispose();
  });

  it('start from the same weights for the same seed and different ones for another', () => {
    const first = (m: tf.LayersModel) => Array.from(m.layers[0].getWeights()[0].dataSync().slice(0, 20));
    const a = createModel('linear', DEFAULT_TRAINING);
    const b = createModel('linear', DEFAULT_TRAINING);
    const c = createModel('linear', { ...DEFAULT_TRAINING, seed: 3 });
    expect(first(a)).toEqual(first(b));
    expect(first(a)).not.toEqual(first(c));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('reload from model.json and predict identically', async () => {
    const model = createModel('mlp', DEFAULT_TRAINING);
    await saveModel(model, dir);
    const loaded = await loadModel(join(dir, 'model.json'));
    const input = tf.randomUniform([5, 784], 0, 1, 'float32', 42);
    const a = model.predict(input) as tf.Tensor;
    const b = loaded.predict(input) as tf.Tensor;
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([input, a, b]);
    model.dispose();
    loaded.dispose();
  });
});

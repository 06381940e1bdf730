import * as tf from '@tensorflow/tfjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { modelFiles } from '../src/lib/model-files';

export const WEIGHTS_FILE = 'weights.bin';

/**
 * Saves a layers model as `model.json` plus one binary weights file in `dir`: the standard
 * TensorFlow.js format that `tf.loadLayersModel` reads in Node and in the browser.
 */
export async function saveModel(model: tf.LayersModel, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { modelJson, weightData } = await modelFiles(model, WEIGHTS_FILE);
  await writeFile(join(dir, 'model.json'), JSON.stringify(modelJson));
  await writeFile(join(dir, WEIGHTS_FILE), new Uint8Array(weightData));
}

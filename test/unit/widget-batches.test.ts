import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend } from '../../scripts/backend';
import { DEFAULT_TRAINING, type TrainingConfig } from '../../src/experiment/training';
import { STUDY_VARIANTS, VARIANTS, variantConfig } from '../../src/experiment/variants';
import { batchesOf, randomDigits, sameBytes } from '../helpers/training-batches';
import { defaultSettings, type RetrainSettings } from '../../src/live/settings';
import { runWidgetRecipe } from '../../src/live/widget-recipe';
import { widgetTrainingConfig } from '../../src/live/widget-training';

const data = randomDigits(300, 7);
const spec = (id: string) => {
  const found = [...VARIANTS, ...STUDY_VARIANTS].find((v) => v.id === id);
  if (!found) throw new Error(`no variant ${id}`);
  return found;
};
/** The widget's settings that match the pipeline's recipe but for the data: its optimizer, rate and batch size. */
const widget = (maxShift: number, seed: number): RetrainSettings => ({
  ...defaultSettings('mlp', 10000),
  optimizer: 'rmsprop-keras',
  learningRate: DEFAULT_TRAINING.learningRate,
  batchSize: 64,
  epochs: 2,
  seed,
  maxShift,
});
const pipeline = (id: string, seedIndex: number): TrainingConfig => ({
  ...variantConfig(spec(id), DEFAULT_TRAINING, DEFAULT_TRAINING.seed + seedIndex),
  batchSize: 64,
  epochs: 2,
});

beforeAll(async () => {
  await chooseBackend('cpu');
});

describe('the retraining widget moves its training digits as the pipeline does', () => {
  it('feeds the moved-digit network\'s batches for the same seed (±2 px)', async () => {
    for (const seed of [1, 3]) {
      const fromWidget = await batchesOf(widgetTrainingConfig(widget(2, seed)), data);
      expect(sameBytes(fromWidget, await batchesOf(pipeline('mlp-60k-translated', seed - 1), data)), `seed ${seed}`).toBe(true);
      // And the moves are real: not the centred digits.
      expect(sameBytes(fromWidget, await batchesOf(pipeline('mlp-60k', seed - 1), data))).toBe(false);
    }
  });

  it('feeds the centred recipe\'s batches, byte for byte, with no move', async () => {
    const config = widgetTrainingConfig(widget(0, 2));
    expect(config).not.toHaveProperty('maxShift');
    expect(sameBytes(await batchesOf(config, data), await batchesOf(pipeline('mlp-60k', 1), data))).toBe(true);
  });

  it('passes every move from 1 to 3 px to the pipeline\'s training', () => {
    for (const n of [1, 2, 3]) expect(widgetTrainingConfig(widget(n, 1)).maxShift).toBe(n);
  });
});

describe('runWidgetRecipe', () => {
  it('trains the widget\'s recipe and runs the article\'s tests, the same for the same settings', async () => {
    const test = randomDigits(120, 9);
    const settings = { ...widget(2, 1), architecture: 'linear' as const, trainSize: 200, epochs: 1 };
    const a = await runWidgetRecipe(settings, data, test);
    expect(a.shift.rows.map((r) => r.offset)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(a.erase.map((e) => e.digit)).toEqual([7, 9, 6]);
    expect(await runWidgetRecipe(settings, data, test)).toEqual(a);
    expect(tf.memory().numTensors).toBe(0);
  });
});

import type { BehaviourEntry } from '../lib/manifest';
import { measureBehaviour } from '../lib/behaviour';
import { headOf, type DigitSet } from '../lib/mnist';
import { createModel, disposeModel } from '../lib/model';
import { train } from '../lib/train';
import type { RetrainSettings } from './settings';
import { widgetTrainingConfig } from './widget-training';

/**
 * What a retraining widget computes for `settings`, outside a browser: the widget's recipe trained
 * from fresh weights on the first `settings.trainSize` digits of `trainSet`, then the article's
 * behaviour tests on `testSet`, with the same functions the worker calls. The caller picks the
 * TensorFlow.js backend first. Tests and the benchmark compare the page's numbers against it.
 */
export async function runWidgetRecipe(settings: RetrainSettings, trainSet: DigitSet, testSet: DigitSet): Promise<BehaviourEntry> {
  if (settings.fromBuild) throw new Error('runWidgetRecipe: trains from fresh weights only, not from the build\'s model');
  const config = widgetTrainingConfig(settings);
  const model = createModel(settings.architecture, config);
  try {
    await train(model, headOf(trainSet, Math.min(settings.trainSize, trainSet.count)), { config });
    return await measureBehaviour(model, testSet);
  } finally {
    disposeModel(model);
  }
}

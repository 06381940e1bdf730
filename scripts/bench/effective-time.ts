import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeNet } from '../../src/lib/compose';
import { denseNetOf } from '../../src/lib/dense-tensors';
import { headOf, type DigitSet } from '../../src/lib/mnist';
import { DEFAULT_TRAINING } from '../../src/experiment/training';
import { createModel, disposeModel } from '../../src/lib/model';
import { BROWSER_TRAIN_COUNT } from '../figures/browser-data';
import { writeEffectiveTemplates } from '../figures/effective-templates';
import { writeTopDigits } from '../figures/top-digits';

/**
 * Seconds the pipeline spends, per `mlp` variant, on the effective templates (over `test`) and on
 * the top digits (over the browser training shard), on the current backend. The cost does not
 * depend on the weights, so an untrained model stands in for a trained one.
 */
export async function timeEffectiveFigures(train: DigitSet, test: DigitSet): Promise<{ effective: number; topDigits: number }> {
  const out = await mkdtemp(join(tmpdir(), 'bench-effective-'));
  const model = createModel('mlp', DEFAULT_TRAINING);
  try {
    const net = denseNetOf(model);
    let started = performance.now();
    const layers = (await composeNet(net)).map((l) => l.values);
    await writeEffectiveTemplates(net, layers, 'bench', out, test);
    const effective = (performance.now() - started) / 1000;
    started = performance.now();
    await writeTopDigits(net, 'bench', out, headOf(train, Math.min(BROWSER_TRAIN_COUNT, train.count)));
    return { effective, topDigits: (performance.now() - started) / 1000 };
  } finally {
    disposeModel(model);
    await rm(out, { recursive: true, force: true });
  }
}

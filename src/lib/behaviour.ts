import * as tf from '@tensorflow/tfjs';
import { batchTensors } from './batches';
import { EDGE_PROBES, type EdgeProbe, SHIFT_OFFSETS } from '../experiment/regions';
import { countGuesses, emptyConfusion, overallAccuracy, perClassAccuracy } from './confusion';
import { inksRegion } from './ink';
import type { BehaviourEntry } from './manifest';
import { CLASSES, PIXELS } from './mnist-constants';
import { type DigitSet, subsetOf } from './mnist';
import { eraseRect, plantRect, translate } from './pixel-transforms';
import { evaluate } from './train';

/**
 * Behaviour tests of a trained model: change its test images in a controlled way and see what its
 * answers do. For each edge region and the digit that owns it: erase the region in the owner's
 * images that ink it; plant a block of full ink in the other digits' images; and move every image.
 */

/** Images per forward pass. */
const CHUNK = 1000;

/**
 * Runs every behaviour test of `model` on `test` (uint8 digits) and returns the manifest's
 * `behaviour` entry. Forward passes go in chunks of 1,000 images, one `predict` each.
 */
export async function measureBehaviour(
  model: tf.LayersModel,
  test: DigitSet,
  probes: readonly EdgeProbe[] = EDGE_PROBES,
  offsets: readonly number[] = SHIFT_OFFSETS,
): Promise<BehaviourEntry> {
  const accuracy = (set: DigitSet) => evaluate(model, set, CHUNK);
  const erase: BehaviourEntry['erase'] = [];
  for (const { region, digit } of probes) {
    const owners = indicesWhere(test, (i) => test.labels[i] === digit && inksRegion(test.images, i * PIXELS, region));
    if (owners.length === 0) {
      erase.push({ region: region.id, digit, inked: 0, accuracy: null, erasedAccuracy: null });
      continue;
    }
    const set = subsetOf(test, owners);
    erase.push({
      region: region.id,
      digit,
      inked: owners.length,
      accuracy: (await accuracy(set)).accuracy,
      erasedAccuracy: (await accuracy(withImages(set, eraseRect(set.images, region)))).accuracy,
    });
  }
  const erasedAll = probes.reduce((images, { region }) => eraseRect(images, region), test.images);
  const before = await probabilities(model, test);
  const plant: BehaviourEntry['plant'] = [];
  for (const { region, digit, block } of probes) {
    const others = indicesWhere(test, (i) => test.labels[i] !== digit);
    const set = subsetOf(test, others);
    const after = await probabilities(model, withImages(set, plantRect(set.images, block, 255)));
    let flips = 0;
    let change = 0;
    others.forEach((i, k) => {
      const was = argMax(before, i);
      if (was !== digit && argMax(after, k) === digit) flips++;
      change += after[k * CLASSES + digit] - before[i * CLASSES + digit];
    });
    plant.push({ region: region.id, digit, flipShare: others.length ? flips / others.length : 0, meanProbabilityChange: others.length ? change / others.length : 0 });
  }
  // The unmoved set's answers are already in `before`: no second pass through the model.
  const unmoved = answersAccuracy(before, test);
  const shifted = async (dy: number, dx: number) => {
    const { accuracy: acc, perClassAccuracy } = dy === 0 && dx === 0 ? unmoved : await accuracy(withImages(test, translate(test.images, dy, dx)));
    return { offset: dy + dx, accuracy: acc, perClassAccuracy };
  };
  const rows = [];
  for (const dy of offsets) rows.push(await shifted(dy, 0));
  const columns = [];
  for (const dx of offsets) columns.push(await shifted(0, dx));
  return {
    erase,
    erasedAllAccuracy: (await accuracy(withImages(test, erasedAll))).accuracy,
    plant,
    shift: { rows, columns },
  };
}

/** Softmax outputs of `model` for every image of `set`: [n, 10] row-major. */
export async function probabilities(model: tf.LayersModel, set: DigitSet, chunk = CHUNK): Promise<Float32Array> {
  const out = new Float32Array(set.count * CLASSES);
  for (let start = 0; start < set.count; start += chunk) {
    const end = Math.min(start + chunk, set.count);
    const probs = tf.tidy(() => model.predict(batchTensors(set, null, start, end).xs, { batchSize: chunk }) as tf.Tensor2D);
    out.set(await probs.data(), start * CLASSES);
    probs.dispose();
  }
  return out;
}

/** Accuracy and per-class accuracy of the top answers in `probs` ([n, 10]) against `set`'s labels. */
function answersAccuracy(probs: Float32Array, set: DigitSet): { accuracy: number; perClassAccuracy: number[] } {
  const matrix = emptyConfusion();
  countGuesses(matrix, set.labels, 0, Array.from({ length: set.count }, (_, i) => argMax(probs, i)));
  return { accuracy: overallAccuracy(matrix), perClassAccuracy: perClassAccuracy(matrix) };
}

function argMax(probs: Float32Array, row: number): number {
  let best = 0;
  for (let c = 1; c < CLASSES; c++) if (probs[row * CLASSES + c] > probs[row * CLASSES + best]) best = c;
  return best;
}

function indicesWhere(set: DigitSet, keep: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < set.count; i++) if (keep(i)) out.push(i);
  return out;
}

function withImages(set: DigitSet, images: Uint8Array): DigitSet {
  return { count: set.count, images, labels: set.labels };
}

import * as tf from '@tensorflow/tfjs';
import { batchTensors } from './batches';
import { EDGE_PROBES, type EdgeProbe, SHIFT_OFFSETS } from '../experiment/regions';
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
export function measureBehaviour(
  model: tf.LayersModel,
  test: DigitSet,
  probes: readonly EdgeProbe[] = EDGE_PROBES,
  offsets: readonly number[] = SHIFT_OFFSETS,
): BehaviourEntry {
  const accuracy = (set: DigitSet) => evaluate(model, set, CHUNK);
  const erase = probes.map(({ region, digit }) => {
    const owners = indicesWhere(test, (i) => test.labels[i] === digit && inksRegion(test.images, i * PIXELS, region));
    if (owners.length === 0) return { region: region.id, digit, inked: 0, accuracy: null, erasedAccuracy: null };
    const set = subsetOf(test, owners);
    return {
      region: region.id,
      digit,
      inked: owners.length,
      accuracy: accuracy(set).accuracy,
      erasedAccuracy: accuracy(withImages(set, eraseRect(set.images, region))).accuracy,
    };
  });
  const erasedAll = probes.reduce((images, { region }) => eraseRect(images, region), test.images);
  const before = probabilities(model, test);
  const plant = probes.map(({ region, digit, block }) => {
    const others = indicesWhere(test, (i) => test.labels[i] !== digit);
    const set = subsetOf(test, others);
    const after = probabilities(model, withImages(set, plantRect(set.images, block, 255)));
    let flips = 0;
    let change = 0;
    others.forEach((i, k) => {
      const was = argMax(before, i);
      if (was !== digit && argMax(after, k) === digit) flips++;
      change += after[k * CLASSES + digit] - before[i * CLASSES + digit];
    });
    return { region: region.id, digit, flipShare: others.length ? flips / others.length : 0, meanProbabilityChange: others.length ? change / others.length : 0 };
  });
  const unmoved = accuracy(test);
  const shifted = (dy: number, dx: number) => {
    const { accuracy: acc, perClassAccuracy } = dy === 0 && dx === 0 ? unmoved : accuracy(withImages(test, translate(test.images, dy, dx)));
    return { offset: dy + dx, accuracy: acc, perClassAccuracy };
  };
  return {
    erase,
    erasedAllAccuracy: accuracy(withImages(test, erasedAll)).accuracy,
    plant,
    shift: { rows: offsets.map((dy) => shifted(dy, 0)), columns: offsets.map((dx) => shifted(0, dx)) },
  };
}

/** Softmax outputs of `model` for every image of `set`: [n, 10] row-major. */
export function probabilities(model: tf.LayersModel, set: DigitSet, chunk = CHUNK): Float32Array {
  const out = new Float32Array(set.count * CLASSES);
  for (let start = 0; start < set.count; start += chunk) {
    const end = Math.min(start + chunk, set.count);
    const values = tf.tidy(() => {
      const { xs } = batchTensors(set, null, start, end);
      return (model.predict(xs, { batchSize: chunk }) as tf.Tensor2D).dataSync();
    });
    out.set(values, start * CLASSES);
  }
  return out;
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

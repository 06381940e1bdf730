import type { BehaviourMetric } from '../../lib/behaviour-values';
import type { BehaviourEntry, SeedRun, VariantEntry } from '../../lib/manifest';
import { quantityOf, quantitySpread, type Spread } from '../../lib/quantity';
import { getManifest } from './manifest';

/** A seed's behaviour tests; throws naming the variant and seed when the pipeline ran none. */
export function seedBehaviour(variant: VariantEntry, run: SeedRun): BehaviourEntry {
  if (!run.behaviour) throw new Error(`${variant.id} seed ${run.seed} has no behaviour tests in the manifest`);
  return run.behaviour;
}

/** One behaviour measure of one seed. */
export function seedBehaviourValue(variant: VariantEntry, run: SeedRun, metric: BehaviourMetric): number {
  return quantityOf(getManifest(), run, { variant: variant.id, ...metric });
}

/**
 * Mean and seed range of a behaviour measure over every seed of a variant; with `minus`, of the
 * per-seed difference `metric − minus` (e.g. what a shift costs against the unmoved test set).
 */
export function behaviourSpread(variant: VariantEntry, metric: BehaviourMetric, minus?: BehaviourMetric, sharedWith?: string): Spread {
  return quantitySpread(getManifest(), { variant: variant.id, ...metric }, { minus: minus && { variant: variant.id, ...minus }, sharedWith });
}

/** The offsets of a shift axis, in the order the tests ran them (e.g. −3..+3). */
export function shiftOffsets(variant: VariantEntry, axis: 'rows' | 'columns'): number[] {
  return seedBehaviour(variant, variant.seeds[0]).shift[axis].map((e) => e.offset);
}

/** The edge regions of the behaviour tests and their owner digits, in the tests' order. */
export function behaviourRegions(variant: VariantEntry): { region: string; digit: number }[] {
  return seedBehaviour(variant, variant.seeds[0]).erase.map(({ region, digit }) => ({ region, digit }));
}

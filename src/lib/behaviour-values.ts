import type { BehaviourEntry } from './manifest';

/**
 * One number read from a seed's behaviour tests (`seeds[].behaviour`, see `src/lib/behaviour.ts`).
 * The claims checker and the article's numbers and tables read through this one function.
 */
export type BehaviourMetric =
  /** Of the owner's test images that ink `region`: how many there are. */
  | { metric: 'inked'; region: string }
  /** Their accuracy as they are. */
  | { metric: 'ownerAccuracy'; region: string }
  /** Their accuracy with the region's pixels set to 0. */
  | { metric: 'erasedAccuracy'; region: string }
  /** Accuracy on every test image with every edge region set to 0. */
  | { metric: 'erasedAllAccuracy' }
  /** Of the other nine digits' test images, the share whose guess becomes the owner when ink is planted in `region`. */
  | { metric: 'flipShare'; region: string }
  /** The mean change in the owner's softmax probability over those images. */
  | { metric: 'probabilityChange'; region: string }
  /** Accuracy on the whole test set moved `offset` rows (positive: down) or columns (positive: right), overall or for `digit`. */
  | { metric: 'shiftAccuracy'; axis: 'rows' | 'columns'; offset: number; digit?: number };

/** The metric names of `BehaviourMetric`. */
export const BEHAVIOUR_METRICS = ['inked', 'ownerAccuracy', 'erasedAccuracy', 'erasedAllAccuracy', 'flipShare', 'probabilityChange', 'shiftAccuracy'] as const;

/** True for the metric names `behaviourValue` reads. */
export function isBehaviourMetric(metric: string): metric is BehaviourMetric['metric'] {
  return (BEHAVIOUR_METRICS as readonly string[]).includes(metric);
}

/**
 * Reads `m` from one seed's behaviour tests. `where` names the seed in errors, e.g. "mlp-60k seed 1".
 * Throws when the entry lacks the region or the offset, or when no image inked the region.
 */
export function behaviourValue(b: BehaviourEntry, m: BehaviourMetric, where: string): number {
  const fail = (what: string): never => {
    throw new Error(`${where} has no ${what} in its behaviour tests`);
  };
  const erased = (region: string) => b.erase.find((e) => e.region === region) ?? fail(`erase entry for region "${region}"`);
  const planted = (region: string) => b.plant.find((e) => e.region === region) ?? fail(`plant entry for region "${region}"`);
  switch (m.metric) {
    case 'inked':
      return erased(m.region).inked;
    case 'ownerAccuracy':
      return erased(m.region).accuracy ?? fail(`accuracy for region "${m.region}" (no owner image inks it)`);
    case 'erasedAccuracy':
      return erased(m.region).erasedAccuracy ?? fail(`erased accuracy for region "${m.region}" (no owner image inks it)`);
    case 'erasedAllAccuracy':
      return b.erasedAllAccuracy;
    case 'flipShare':
      return planted(m.region).flipShare;
    case 'probabilityChange':
      return planted(m.region).meanProbabilityChange;
    case 'shiftAccuracy': {
      const entry = b.shift[m.axis].find((e) => e.offset === m.offset) ?? fail(`shift of ${m.offset} ${m.axis}`);
      if (m.digit === undefined) return entry.accuracy;
      if (!(Number.isInteger(m.digit) && m.digit >= 0 && m.digit <= 9)) throw new Error(`${where}: shift accuracy digit must be 0-9, not ${m.digit}`);
      return entry.perClassAccuracy[m.digit];
    }
  }
}

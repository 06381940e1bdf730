import { type BehaviourMetric, behaviourValue } from '../lib/behaviour-values';
import type { BehaviourEntry } from '../lib/manifest';
import { formatAccuracy, formatPercent, formatSigned } from './format';

/**
 * How the erase and plant table writes each row's numbers, and one run's cell of a row: the build
 * fills the article's columns with them, and the page adds a column per network a reader trains.
 */

/** The measures a row of the table shows: a behaviour metric or the unmoved accuracy. */
export type BehaviourRowMetric = Exclude<BehaviourMetric['metric'], 'inked' | 'shiftAccuracy'> | 'testAccuracy';

/** Each row metric's number as the table writes it. */
export const BEHAVIOUR_ROW_FORMAT: Readonly<Record<BehaviourRowMetric, (v: number) => string>> = {
  testAccuracy: formatAccuracy,
  ownerAccuracy: formatAccuracy,
  erasedAccuracy: formatAccuracy,
  erasedAllAccuracy: formatAccuracy,
  flipShare: (x) => formatPercent(x, 2),
  probabilityChange: (x) => formatSigned(x * 100, 2),
};

/** True for the metric names of the table's rows. */
export function isBehaviourRowMetric(metric: string): metric is BehaviourRowMetric {
  return Object.hasOwn(BEHAVIOUR_ROW_FORMAT, metric);
}

/**
 * One run's value for a row: `testAccuracy` is the unmoved test set's accuracy, the rest read as
 * the manifest's are (`region` for the per-region rows). `where` names the run in errors.
 */
export function runRowValue(b: BehaviourEntry, metric: BehaviourRowMetric, region: string | undefined, where: string): number {
  if (metric === 'testAccuracy') return behaviourValue(b, { metric: 'shiftAccuracy', axis: 'columns', offset: 0 }, where);
  if (metric === 'erasedAllAccuracy') return behaviourValue(b, { metric }, where);
  if (region === undefined) throw new Error(`${where}: the ${metric} row needs a region`);
  return behaviourValue(b, { metric, region }, where);
}

/** One run's cell text for a row; "no image" when none of the owner's test images inks the region. */
export function runRowText(b: BehaviourEntry, metric: BehaviourRowMetric, region: string | undefined, where: string): string {
  const owner = region === undefined ? undefined : b.erase.find((e) => e.region === region);
  if ((metric === 'ownerAccuracy' || metric === 'erasedAccuracy') && owner && owner.inked === 0) return 'no image';
  return BEHAVIOUR_ROW_FORMAT[metric](runRowValue(b, metric, region, where));
}

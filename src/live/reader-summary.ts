import { type MovedAccuracy, movedAccuracy, SUMMARY_SHIFT } from '../present/shift-chart';
import { formatAccuracy, formatCount, formatSigned, joinProse } from '../present/format';
import type { BehaviourEntry } from '../lib/manifest';
import type { RetrainSettings } from './settings';

/** A network the reader trained and put through the article's tests. */
export interface ReaderRun {
  settings: RetrainSettings;
  behaviour: BehaviourEntry;
  /** How long the tests took in the worker, in seconds. */
  seconds: number;
  /** The TensorFlow.js backend the tests ran on. */
  backend: string;
}

/** The digits a run trained on: "centred digits", or "digits moved up to 2 px". */
function trainingDigits(maxShift: number): string {
  return maxShift === 0 ? 'centred digits' : `digits moved up to ${maxShift} px`;
}

/**
 * A run's label from its settings: how far its training digits moved, its seed, and what else
 * differs from the widget's defaults that a reader would change (network, images, epochs).
 */
export function readerRunLabel(s: RetrainSettings): string {
  const moved = trainingDigits(s.maxShift);
  const net = s.architecture === 'linear' ? '784-10, ' : '';
  const from = s.fromBuild ? ', from the build’s weights' : '';
  return `Your network: ${net}${moved}, seed ${s.seed}, ${formatCount(s.trainSize)} images × ${s.epochs} epoch${s.epochs === 1 ? '' : 's'}${from}`;
}

/**
 * One sentence on the reader's runs against the article's networks: each run's accuracy unmoved
 * and moved `SUMMARY_SHIFT` pixels, then the same for the article's centred and moved-digit MLPs
 * (by their manifest ids, from `article`, the chart's own numbers) when the chart shows them.
 */
export function readerSummary(runs: readonly ReaderRun[], article: readonly MovedAccuracy[], builtIds = { centred: 'mlp-60k', moved: 'mlp-60k-translated' }): string {
  if (runs.length === 0) return '';
  const n = SUMMARY_SHIFT;
  const change = (from: number, to: number) => `from ${formatAccuracy(from)} to ${formatAccuracy(to)} (${formatSigned((to - from) * 100, 1)} points)`;
  const yours = [...runs]
    .reverse()
    .map((r) => `your network trained on ${trainingDigits(r.settings.maxShift)} (seed ${r.settings.seed}) goes ${change(movedAccuracy(r.behaviour, 0), movedAccuracy(r.behaviour, n))}`);
  const theirs = (['centred', 'moved'] as const).flatMap((kind) => {
    const s = article.find((x) => x.id === builtIds[kind]);
    if (!s) return [];
    const what = kind === 'centred' ? 'the article’s network trained on centred digits' : 'its network trained on moved digits';
    return [`${what} goes ${change(s.unmoved, s.moved)}`];
  });
  const yourWords = `With the test digits moved ${n} pixels (the mean over up, down, left and right), ${joinProse(yours)}`;
  return theirs.length ? `${yourWords}; ${joinProse(theirs)}.` : `${yourWords}.`;
}

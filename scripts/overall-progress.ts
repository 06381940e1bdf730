import type { Profile } from './profiles';
import { EDGE_PROBES, SHIFT_OFFSETS } from '../src/experiment/regions';
import { measuresBehaviour, type VariantSpec } from '../src/experiment/variants';
import { layerSizes } from '../src/lib/layer-sizes';

/** A training run to come and how much computing it does, in any unit shared by all runs. */
export interface PlannedRun {
  label: string;
  work: number;
}

/** Where the whole pipeline stands. */
export interface OverallStatus {
  /** Share of all runs' work done, 0 to 1. */
  fraction: number;
  /** Seconds since the pipeline started. */
  elapsedSeconds: number;
  /** Seconds still to go, from the pace of the work done so far; null until there is a pace. */
  etaSeconds: number | null;
}

/** Multiply-adds of one forward pass of one image through a variant's Dense layers. */
export function forwardMultiplyAdds(spec: Pick<VariantSpec, 'architecture'>): number {
  const sizes = layerSizes(spec.architecture);
  return sizes.slice(1).reduce((sum, out, i) => sum + sizes[i] * out, 0);
}

/**
 * What a training image costs beyond the products, in multiply-adds: batching it, the element-wise
 * kernels, the loss. Fitted to the figures' run logs on the wasm backend: a 784-10 run on 60,000
 * images takes about a tenth of the time of a 784-512-256-10 one, where its multiply-adds alone
 * would say a sixty-eighth; with this term the 60,000-image runs of the 784-512-256-10 network
 * are about 94% of the work, as they were of the time.
 */
export const PER_IMAGE_OVERHEAD = 130_000;

/**
 * Forward passes over the whole test set that the behaviour tests make: unmoved, every region
 * erased, one planted set per region (nine digits of ten: counted whole), and each nonzero shift of
 * rows and of columns. The owners' own erase tests are a few hundred images each, left out.
 */
export const BEHAVIOUR_TEST_PASSES = 2 + EDGE_PROBES.length + 2 * SHIFT_OFFSETS.filter((o) => o !== 0).length;

/**
 * How much computing one run does, in multiply-adds: each training image once forward and twice
 * backward (the gradients of the activations and of the weights) plus {@link PER_IMAGE_OVERHEAD},
 * each evaluated test image once forward (the figure seed evaluates after every epoch, the others
 * at the end), and the behaviour tests' passes where the variant has them. Counting training images
 * alone would rate a 60,000-image run of the 784-10 network as heavy as one of the 784-512-256-10
 * network.
 */
export function runWork(spec: VariantSpec, profile: Profile, figureSeed: boolean): number {
  const { epochs } = profile.training;
  const perImage = forwardMultiplyAdds(spec);
  const evaluated = ((figureSeed ? epochs : 1) + (measuresBehaviour(spec) ? BEHAVIOUR_TEST_PASSES : 0)) * profile.testCount;
  return epochs * spec.trainCount * (3 * perImage + PER_IMAGE_OVERHEAD) + evaluated * perImage;
}

/**
 * Overall progress of a pipeline's training runs, weighted by the work each run still has to do
 * (not by the number of runs: the first runs are far the heaviest). The ETA assumes the rest goes
 * at the pace of the work done since training started.
 */
export class OverallProgress {
  private readonly work = new Map<string, number>();
  private readonly done = new Map<string, number>();
  private readonly total: number;
  private readonly trainingStarted: number;

  /** `now` gives milliseconds; `started` is when the pipeline started (default: now). */
  constructor(runs: readonly PlannedRun[], private readonly now: () => number = () => performance.now(), private readonly started = now()) {
    for (const run of runs) this.work.set(run.label, run.work);
    this.total = runs.reduce((sum, run) => sum + run.work, 0);
    this.trainingStarted = now();
  }

  /** Records that `fraction` (0 to 1) of the run labelled `label` is done; unknown labels are ignored. */
  update(label: string, fraction: number): void {
    const work = this.work.get(label);
    if (work !== undefined) this.done.set(label, work * Math.min(1, Math.max(0, fraction)));
  }

  status(): OverallStatus {
    const t = this.now();
    const done = [...this.done.values()].reduce((sum, w) => sum + w, 0);
    const fraction = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const training = (t - this.trainingStarted) / 1000;
    // Below half a percent the pace is mostly start-up (workers loading, first batches).
    const etaSeconds = fraction >= 0.005 && training > 0 ? (training * (1 - fraction)) / fraction : null;
    return { fraction, elapsedSeconds: (t - this.started) / 1000, etaSeconds };
  }
}

/** "m:ss", or "h:mm:ss" from an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h > 0 ? `${h}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}

/** e.g. "all runs  37%  elapsed 2:41  ETA 4:35". */
export function describeOverall(status: OverallStatus): string {
  const percent = `${Math.floor(status.fraction * 100)}%`.padStart(4);
  return `all runs ${percent}  elapsed ${clock(status.elapsedSeconds)}  ETA ${status.etaSeconds === null ? '-' : clock(status.etaSeconds)}`;
}

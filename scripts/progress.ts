import cliProgress from 'cli-progress';
import type { BatchReport, EpochReport } from '../src/lib/train';
import { describeOverall, OverallProgress, type PlannedRun } from './overall-progress';

/** Receives one variant's training progress. */
export interface VariantProgress {
  onBatchEnd(report: BatchReport): void;
  onEpochEnd(report: EpochReport): void;
  stop(): void;
}

export interface ProgressReporter {
  /** Announces every training run to come with its work, for the overall percentage and ETA. */
  plan?(runs: readonly PlannedRun[]): void;
  startVariant(id: string, epochs: number, batchesPerEpoch: number): VariantProgress;
  log(line: string): void;
  /** Training is over (or failed): closes the display. */
  end?(): void;
}

/**
 * Progress on an interactive terminal: an overall bar (share of all work done, elapsed, ETA)
 * above a bar per run under way. Elsewhere (CI, pipes): one line per epoch, each starting with
 * the overall share, elapsed time and ETA. Elapsed time counts from this call.
 */
export function createProgress(interactive = Boolean(process.stdout.isTTY) && !process.env.CI): ProgressReporter {
  const started = performance.now();
  return interactive ? terminalProgress(started) : plainProgress(started);
}

/** The fraction of a run done after `report`'s batch. */
function runFraction(report: BatchReport, epochs: number, batchesPerEpoch: number): number {
  return (report.epoch * batchesPerEpoch + report.batch + 1) / (epochs * batchesPerEpoch);
}

function plainProgress(started: number): ProgressReporter {
  let overall: OverallProgress | null = null;
  const prefix = () => (overall ? `${describeOverall(overall.status())} | ` : '');
  return {
    log: (line) => console.log(line),
    plan(runs) {
      overall = new OverallProgress(runs, undefined, started);
    },
    startVariant(id, epochs, batchesPerEpoch) {
      return {
        onBatchEnd(r) {
          overall?.update(id, runFraction(r, epochs, batchesPerEpoch));
        },
        onEpochEnd(r) {
          overall?.update(id, (r.epoch + 1) / epochs);
          console.log(
            `${prefix()}${id}: epoch ${r.epoch + 1}/${epochs}  loss ${r.loss.toFixed(4)}  acc ${r.accuracy.toFixed(4)}` +
              `${Number.isNaN(r.testAccuracy) ? '' : `  test acc ${r.testAccuracy.toFixed(4)}`}  ${r.seconds.toFixed(1)} s`,
          );
        },
        stop() {
          overall?.update(id, 1);
        },
      };
    },
    end() {
      if (overall) console.log(describeOverall(overall.status()));
      overall = null;
    },
  };
}

/** An overall bar, then one bar per training run under way (runs overlap when the pipeline trains in parallel). */
function terminalProgress(started: number): ProgressReporter {
  let bars: cliProgress.MultiBar | null = null;
  let overall: { progress: OverallProgress; bar: cliProgress.SingleBar } | null = null;
  const OVERALL_STEPS = 1000;
  const multiBar = () =>
    (bars ??= new cliProgress.MultiBar(
      {
        format: `{label} {bar} epoch {epoch}/{epochs}  batch {batch}/{batches}  loss {loss}  acc {acc}  ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    ));
  const refreshOverall = () => {
    if (!overall) return;
    const status = overall.progress.status();
    overall.bar.update(Math.round(status.fraction * OVERALL_STEPS), { text: describeOverall(status) });
  };
  let open = 0;
  const closeIfIdle = () => {
    if (open === 0 && !overall) {
      bars?.stop();
      bars = null;
    }
  };
  return {
    log: (line) => (bars ? bars.log(`${line}\n`) : console.log(line)),
    plan(runs) {
      const progress = new OverallProgress(runs, undefined, started);
      const bar = multiBar().create(OVERALL_STEPS, 0, { text: describeOverall(progress.status()) }, { format: '{bar} {text}' });
      overall = { progress, bar };
    },
    startVariant(id, epochs, batchesPerEpoch) {
      open += 1;
      const bar = multiBar().create(epochs * batchesPerEpoch, 0, { label: id, epoch: 1, epochs, batch: 0, batches: batchesPerEpoch, loss: '-', acc: '-' });
      return {
        onBatchEnd(r) {
          bar.update(r.epoch * batchesPerEpoch + r.batch + 1, {
            epoch: r.epoch + 1,
            batch: r.batch + 1,
            loss: r.loss.toFixed(4),
            acc: r.accuracy.toFixed(4),
          });
          overall?.progress.update(id, runFraction(r, epochs, batchesPerEpoch));
          refreshOverall();
        },
        onEpochEnd() {},
        stop() {
          overall?.progress.update(id, 1);
          refreshOverall();
          bar.stop();
          bars?.remove(bar);
          open -= 1;
          closeIfIdle();
        },
      };
    },
    end() {
      refreshOverall();
      overall?.bar.stop();
      overall = null;
      closeIfIdle();
    },
  };
}

import cliProgress from 'cli-progress';
import type { BatchReport, EpochReport } from '../src/lib/train';

/** Receives one variant's training progress. */
export interface VariantProgress {
  onBatchEnd(report: BatchReport): void;
  onEpochEnd(report: EpochReport): void;
  stop(): void;
}

export interface ProgressReporter {
  startVariant(id: string, epochs: number, batchesPerEpoch: number): VariantProgress;
  log(line: string): void;
}

/** A bar per variant on an interactive terminal; one plain line per epoch elsewhere (CI, pipes). */
export function createProgress(interactive = Boolean(process.stdout.isTTY) && !process.env.CI): ProgressReporter {
  return interactive ? terminalProgress() : plainProgress();
}

function plainProgress(): ProgressReporter {
  return {
    log: (line) => console.log(line),
    startVariant(id, epochs) {
      return {
        onBatchEnd() {},
        onEpochEnd(r) {
          console.log(
            `${id}: epoch ${r.epoch + 1}/${epochs}  loss ${r.loss.toFixed(4)}  acc ${r.accuracy.toFixed(4)}` +
              `${Number.isNaN(r.testAccuracy) ? '' : `  test acc ${r.testAccuracy.toFixed(4)}`}  ${r.seconds.toFixed(1)} s`,
          );
        },
        stop() {},
      };
    },
  };
}

/** One bar per training run under way (runs may overlap when the pipeline trains in parallel). */
function terminalProgress(): ProgressReporter {
  let bars: cliProgress.MultiBar | null = null;
  let open = 0;
  return {
    log: (line) => (bars ? bars.log(`${line}\n`) : console.log(line)),
    startVariant(id, epochs, batchesPerEpoch) {
      bars ??= new cliProgress.MultiBar(
        {
          format: `{label} {bar} epoch {epoch}/{epochs}  batch {batch}/{batches}  loss {loss}  acc {acc}  ETA {eta_formatted}`,
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      open += 1;
      const bar = bars.create(epochs * batchesPerEpoch, 0, { label: id, epoch: 1, epochs, batch: 0, batches: batchesPerEpoch, loss: '-', acc: '-' });
      return {
        onBatchEnd(r) {
          bar.update(r.epoch * batchesPerEpoch + r.batch + 1, {
            epoch: r.epoch + 1,
            batch: r.batch + 1,
            loss: r.loss.toFixed(4),
            acc: r.accuracy.toFixed(4),
          });
        },
        onEpochEnd() {},
        stop() {
          bar.stop();
          bars?.remove(bar);
          open -= 1;
          if (open === 0) {
            bars?.stop();
            bars = null;
          }
        },
      };
    },
  };
}

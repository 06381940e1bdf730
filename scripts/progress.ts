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

function terminalProgress(): ProgressReporter {
  return {
    log: (line) => console.log(line),
    startVariant(id, epochs, batchesPerEpoch) {
      const bar = new cliProgress.SingleBar(
        {
          format: `${id} {bar} epoch {epoch}/${epochs}  batch {batch}/${batchesPerEpoch}  loss {loss}  acc {acc}  ETA {eta_formatted}`,
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(epochs * batchesPerEpoch, 0, { epoch: 1, batch: 0, loss: '-', acc: '-' });
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
        stop: () => bar.stop(),
      };
    },
  };
}

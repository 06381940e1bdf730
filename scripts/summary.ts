import type { Manifest } from '../src/lib/manifest';
import { mean } from '../src/lib/mean';
import { textTable } from './text-table';

/** A plain-text table: per variant its optimizer, seeds, test accuracy (figure seed, mean, range) and time. */
export function summaryTable(manifest: Manifest): string {
  return textTable(
    ['variant', 'optimizer', 'train images', 'seeds', 'test accuracy', 'mean', 'range', 'time (s)', 'samples/s'],
    manifest.variants.map((v) => {
      const accuracies = v.seeds.map((s) => s.testAccuracy);
      return [
        v.id,
        v.config.optimizer,
        String(v.trainCount),
        String(v.seeds.length),
        v.testAccuracy.toFixed(4),
        mean(accuracies).toFixed(4),
        `${Math.min(...accuracies).toFixed(4)}-${Math.max(...accuracies).toFixed(4)}`,
        v.seeds.reduce((t, s) => t + s.trainingSeconds, 0).toFixed(1),
        Math.round(v.samplesPerSecond).toString(),
      ];
    }),
  ) + `\nbackend: ${manifest.backend.name}`;
}

import type { Manifest, SeedRun } from '../src/lib/manifest';
import { mean } from '../src/lib/mean';
import { textTable } from './text-table';

/**
 * A plain-text table: per variant its optimizer, seeds, test accuracy (figure seed, mean, range),
 * training time and the behaviour tests' time; then the behaviour tests' total.
 */
export function summaryTable(manifest: Manifest): string {
  return textTable(
    ['variant', 'optimizer', 'train images', 'seeds', 'test accuracy', 'mean', 'range', 'time (s)', 'samples/s', 'behaviour (s)'],
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
        v.seeds.some((s) => s.behaviourSeconds !== undefined) ? behaviourSeconds(v.seeds).toFixed(1) : '-',
      ];
    }),
  ) + `\nbehaviour tests: ${behaviourSeconds(manifest.variants.flatMap((v) => v.seeds)).toFixed(1)} s in all (summed over runs)` +
    `\nbackend: ${manifest.backend.name}`;
}

function behaviourSeconds(seeds: readonly SeedRun[]): number {
  return seeds.reduce((t, s) => t + (s.behaviourSeconds ?? 0), 0);
}

import type { Manifest } from '../src/lib/manifest';
import { textTable } from './text-table';

/** A plain-text table: variant, training images, test accuracy, training time, backend. */
export function summaryTable(manifest: Manifest): string {
  return textTable(
    ['variant', 'train images', 'test accuracy', 'time (s)', 'samples/s', 'backend'],
    manifest.variants.map((v) => [
      v.id,
      String(v.trainCount),
      v.testAccuracy.toFixed(4),
      v.trainingSeconds.toFixed(1),
      Math.round(v.samplesPerSecond).toString(),
      v.backend,
    ]),
  );
}

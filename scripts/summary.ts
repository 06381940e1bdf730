import type { Manifest } from '../src/lib/manifest';

/** A plain-text table: variant, training images, test accuracy, training time, backend. */
export function summaryTable(manifest: Manifest): string {
  const header = ['variant', 'train images', 'test accuracy', 'time (s)', 'samples/s', 'backend'];
  const rows = manifest.variants.map((v) => [
    v.id,
    String(v.trainCount),
    v.testAccuracy.toFixed(4),
    v.trainingSeconds.toFixed(1),
    Math.round(v.samplesPerSecond).toString(),
    v.backend,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

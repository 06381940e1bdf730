import { PIXELS } from '../../src/lib/idx';
import type { Manifest } from '../../src/lib/manifest';
import type { DigitSet } from '../../src/lib/mnist';
import { CLASSES } from '../../src/lib/model';
import { SAMPLES_PER_CLASS } from '../../src/lib/visual';
import { writeGraySheet } from './sheet-writer';

/**
 * A sheet of real training digits: the first `perClass` examples of each digit, laid out so
 * each column holds one digit class and each row one example.
 */
export async function writeSampleDigits(outDir: string, train: DigitSet, perClass = SAMPLES_PER_CLASS): Promise<Manifest['samples']> {
  const picked: number[][] = Array.from({ length: CLASSES }, () => []);
  for (let i = 0; i < train.count && picked.some((p) => p.length < perClass); i++) {
    const list = picked[train.labels[i]];
    if (list.length < perClass) list.push(i);
  }
  const indices: number[] = [];
  for (let row = 0; row < perClass; row++) for (let c = 0; c < CLASSES; c++) if (picked[c][row] !== undefined) indices.push(picked[c][row]);
  const gray = new Uint8Array(indices.length * PIXELS);
  indices.forEach((idx, t) => gray.set(train.images.subarray(idx * PIXELS, (idx + 1) * PIXELS), t * PIXELS));
  const sheet = await writeGraySheet(outDir, 'sheets/mnist-samples.png', gray, 'digits');
  return { sheet, indices, labels: indices.map((i) => train.labels[i]) };
}

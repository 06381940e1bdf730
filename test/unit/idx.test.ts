import { describe, expect, it } from 'vitest';
import { IMAGE_MAGIC, LABEL_MAGIC, parseImages, parseLabels } from '../../src/lib/idx';
import { digitSetFromIdx } from '../../src/lib/mnist';
import { idxBytes } from '../helpers/idx-bytes';

const twoImages = () => idxBytes(IMAGE_MAGIC, [2, 28, 28], Array.from({ length: 2 * 784 }, (_, i) => i % 256));

describe('IDX parser', () => {
  it('reads dimensions and pixels of a valid image file', () => {
    const parsed = parseImages(twoImages(), 'imgs');
    expect(parsed.dims).toEqual([2, 28, 28]);
    expect(parsed.data).toBeInstanceOf(Uint8Array);
    expect(parsed.data.length).toBe(2 * 784);
    expect(parsed.data[0]).toBe(0);
    expect(parsed.data[300]).toBe(300 % 256);
  });

  it('reads labels', () => {
    expect(Array.from(parseLabels(idxBytes(LABEL_MAGIC, [3], [7, 0, 9]), 'labs').data)).toEqual([7, 0, 9]);
  });

  it('rejects a wrong magic number, naming the file', () => {
    expect(() => parseImages(idxBytes(LABEL_MAGIC, [2], [1, 2]), 'train-images')).toThrow(/train-images: wrong magic number 0x00000801, expected 0x00000803/);
  });

  it('rejects a truncated data section', () => {
    const bytes = twoImages().subarray(0, 16 + 784 + 10);
    expect(() => parseImages(bytes, 'short.idx')).toThrow(/short\.idx: truncated: header \[2, 28, 28\] needs 1568 data bytes, found 794/);
  });

  it('rejects a truncated header', () => {
    expect(() => parseImages(twoImages().subarray(0, 9), 'tiny')).toThrow(/tiny: truncated header/);
    expect(() => parseImages(new Uint8Array(2), 'empty')).toThrow(/empty: too short/);
  });

  it('rejects trailing bytes', () => {
    const bytes = new Uint8Array([...idxBytes(LABEL_MAGIC, [2], [1, 2]), 5]);
    expect(() => parseLabels(bytes, 'labels')).toThrow(/labels: 1 unexpected bytes/);
  });

  it('rejects images that are not 28x28', () => {
    expect(() => parseImages(idxBytes(IMAGE_MAGIC, [1, 2, 2], [0, 0, 0, 0]), 'small')).toThrow(/small: images are 2x2/);
  });

  it('rejects labels outside 0-9', () => {
    expect(() => parseLabels(idxBytes(LABEL_MAGIC, [2], [3, 12]), 'labs')).toThrow(/labs: label 12 at index 1/);
  });

  it('rejects image and label files whose counts disagree', () => {
    expect(() =>
      digitSetFromIdx({ name: 'imgs', bytes: twoImages() }, { name: 'labs', bytes: idxBytes(LABEL_MAGIC, [3], [1, 2, 3]) }),
    ).toThrow(/imgs \/ labs: image count 2 does not match label count 3/);
  });

  it('builds a digit set when they agree', () => {
    const set = digitSetFromIdx({ name: 'imgs', bytes: twoImages() }, { name: 'labs', bytes: idxBytes(LABEL_MAGIC, [2], [4, 5]) });
    expect(set.count).toBe(2);
    expect(Array.from(set.labels)).toEqual([4, 5]);
  });
});

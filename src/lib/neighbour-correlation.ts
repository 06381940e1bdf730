import { SIDE } from './mnist-constants';
import { mean } from './mean';

/**
 * How smooth a 28x28 image is: the correlation of each pixel with its right and lower neighbours,
 * over every such pair, with the image's own mean and variance. 1 for an image that changes
 * slowly across the canvas, near 0 for pixel noise, negative for a checkerboard. A flat image
 * has no variance and gives 0.
 */
export function neighbourCorrelation(image: ArrayLike<number>): number {
  if (image.length !== SIDE * SIDE) throw new Error(`neighbourCorrelation: an image has ${SIDE * SIDE} pixels, got ${image.length}`);
  let sum = 0;
  for (let i = 0; i < image.length; i++) sum += image[i];
  const mu = sum / image.length;
  let variance = 0;
  for (let i = 0; i < image.length; i++) variance += (image[i] - mu) ** 2;
  variance /= image.length;
  if (variance === 0) return 0;
  let products = 0;
  let pairs = 0;
  for (let row = 0; row < SIDE; row++) {
    for (let col = 0; col < SIDE; col++) {
      const here = image[row * SIDE + col] - mu;
      if (col + 1 < SIDE) {
        products += here * (image[row * SIDE + col + 1] - mu);
        pairs++;
      }
      if (row + 1 < SIDE) {
        products += here * (image[(row + 1) * SIDE + col] - mu);
        pairs++;
      }
    }
  }
  return products / pairs / variance;
}

/** The mean `neighbourCorrelation` of a stack of images, `[count, 784]` row-major. */
export function meanNeighbourCorrelation(images: Float32Array): number {
  const pixels = SIDE * SIDE;
  if (images.length === 0 || images.length % pixels !== 0) throw new Error(`meanNeighbourCorrelation: ${images.length} values are not a stack of ${pixels}-pixel images`);
  const values: number[] = [];
  for (let start = 0; start < images.length; start += pixels) values.push(neighbourCorrelation(images.subarray(start, start + pixels)));
  return mean(values);
}

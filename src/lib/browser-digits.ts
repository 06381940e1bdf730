import type { DigitSet } from './mnist';
import { PIXELS } from './mnist-constants';

/**
 * The layout of the widgets' digit files once unpacked: uint8 pixels [count, 784], then uint8
 * labels [count]. The figure pipeline packs them; the page and the Node benches split them.
 */

/** A digit set's bytes in the widgets' layout: the pixels of its `count` digits, then their labels. */
export function packBrowserDigits(set: DigitSet): Uint8Array {
  const raw = new Uint8Array(set.count * (PIXELS + 1));
  raw.set(set.images.subarray(0, set.count * PIXELS), 0);
  raw.set(set.labels.subarray(0, set.count), set.count * PIXELS);
  return raw;
}

/** The `count` digits of bytes in the widgets' layout (views, no copy): pixels [count, 784], then labels. */
export function splitBrowserDigits(bytes: Uint8Array, count: number): DigitSet {
  return { count, images: bytes.subarray(0, count * PIXELS), labels: bytes.subarray(count * PIXELS) };
}

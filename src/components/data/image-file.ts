import { readFileSync } from 'node:fs';
import { PIXELS } from '../../lib/mnist-constants';

/** Reads a little-endian float32 file of whole 28 × 28 images; throws naming the file if it is not one. */
export function readImages(path: string, count: number): Float32Array {
  const bytes = readFileSync(path);
  if (bytes.byteLength !== count * PIXELS * 4) {
    throw new Error(`${path}: expected ${count} images of ${PIXELS} float32 values (${count * PIXELS * 4} bytes), found ${bytes.byteLength} bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: count * PIXELS }, (_, i) => view.getFloat32(4 * i, true));
}

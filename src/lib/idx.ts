/**
 * Parser for the IDX format used by the original MNIST files.
 * Header: two zero bytes, a type code, the number of dimensions, then one
 * big-endian uint32 per dimension; the data follows, row-major.
 */
import { SIDE } from './mnist-constants';

export const IMAGE_MAGIC = 0x00000803; // ubyte, 3 dimensions
export const LABEL_MAGIC = 0x00000801; // ubyte, 1 dimension
/** A parsed IDX file of unsigned bytes. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** Error that names the file and what is wrong with it. */
export class IdxError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'IdxError';
  }
}

/** Parses an IDX file of unsigned bytes and checks its header against its length. */
export function parseIdx(bytes: Uint8Array, file: string, expectedMagic: number): IdxArray {
  if (bytes.byteLength < 4) throw new IdxError(file, `too short for an IDX header (${bytes.byteLength} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expectedMagic) {
    throw new IdxError(file, `wrong magic number 0x${hex(magic)}, expected 0x${hex(expectedMagic)}`);
  }
  const rank = bytes[3];
  const headerLength = 4 + 4 * rank;
  if (bytes.byteLength < headerLength) {
    throw new IdxError(file, `truncated header: ${rank} dimensions need ${headerLength} bytes, file has ${bytes.byteLength}`);
  }
  const dims: number[] = [];
  for (let d = 0; d < rank; d++) dims.push(view.getUint32(4 + 4 * d, false));
  const expectedData = dims.reduce((a, b) => a * b, 1);
  const actualData = bytes.byteLength - headerLength;
  if (actualData < expectedData) {
    throw new IdxError(file, `truncated: header [${dims.join(', ')}] needs ${expectedData} data bytes, found ${actualData}`);
  }
  if (actualData > expectedData) {
    throw new IdxError(file, `${actualData - expectedData} unexpected bytes after the data for [${dims.join(', ')}]`);
  }
  return { dims, data: bytes.subarray(headerLength) };
}

/** Parses an MNIST image file: uint8 pixels, [count, 28, 28] flattened to [count * 784]. */
export function parseImages(bytes: Uint8Array, file: string): IdxArray {
  const parsed = parseIdx(bytes, file, IMAGE_MAGIC);
  const [, rows, cols] = parsed.dims;
  if (rows !== SIDE || cols !== SIDE) {
    throw new IdxError(file, `images are ${rows}x${cols}, expected ${SIDE}x${SIDE}`);
  }
  return parsed;
}

/** Parses an MNIST label file and checks every label is a digit 0-9. */
export function parseLabels(bytes: Uint8Array, file: string): IdxArray {
  const parsed = parseIdx(bytes, file, LABEL_MAGIC);
  const bad = parsed.data.findIndex((v) => v > 9);
  if (bad >= 0) throw new IdxError(file, `label ${parsed.data[bad]} at index ${bad} is not a digit 0-9`);
  return parsed;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** One of a node's strongest digits: its tile in the sprite and its label. */
export interface TopDigit {
  tile: number;
  label: number;
}

/** Marks an empty place in the file: fewer than k digits activate the node at all. */
export const NO_TILE = 0xffff;

/**
 * Reads a node's strongest digits from the top-digits file (uint16 LE sprite tiles [Σ nodes, k],
 * then uint8 labels [tiles]). `row` counts nodes across layers: layer 1's, then layer 2's.
 * Throws naming `file` when the bytes do not fit the shape.
 */
export function topDigitsOf(bytes: Uint8Array, totalNodes: number, k: number, tiles: number, row: number, file: string): TopDigit[] {
  const expected = totalNodes * k * 2 + tiles;
  if (bytes.length !== expected) {
    throw new Error(`${file}: ${bytes.length} bytes, expected ${expected} (${totalNodes} nodes x ${k} digits x 2 + ${tiles} labels)`);
  }
  if (!Number.isInteger(row) || row < 0 || row >= totalNodes) throw new RangeError(`${file}: no node row ${row} (it has ${totalNodes})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: TopDigit[] = [];
  for (let j = 0; j < k; j++) {
    const tile = view.getUint16((row * k + j) * 2, true);
    if (tile === NO_TILE) continue;
    if (tile >= tiles) throw new Error(`${file}: node row ${row} points at sprite tile ${tile} of ${tiles}`);
    out.push({ tile, label: bytes[totalNodes * k * 2 + tile] });
  }
  return out;
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DenseNet } from '../../src/lib/dense-net';
import { PIXELS } from '../../src/lib/mnist-constants';
import type { TopDigitsEntry } from '../../src/lib/manifest';
import type { DigitSet } from '../../src/lib/mnist';
import { NO_TILE } from '../../src/lib/top-digit-file';
import { NO_DIGIT, topActivatingDigits } from '../../src/lib/top-activations';
import { writeGraySheet } from './sheet-writer';

/** Digits shown per node in the tile viewer. */
export const TOP_DIGITS = 9;

/**
 * For every node of both hidden layers of a trained `mlp` network, finds the TOP_DIGITS digits of
 * `shard` (the browser training digits) that activate it most, and writes what the tile viewer
 * loads when it opens: a gray sprite of the distinct digits referenced and a small file of
 * uint16 sprite tiles [Σ nodes, k] followed by uint8 labels [sprite tiles].
 */
export async function writeTopDigits(net: DenseNet, variantId: string, outDir: string, shard: DigitSet): Promise<TopDigitsEntry> {
  const top = await topActivatingDigits(net, shard, Math.min(TOP_DIGITS, shard.count));
  const tileOf = new Map<number, number>();
  const rows: number[] = [];
  for (const layer of top.layers) {
    for (const d of layer.digits) {
      if (d !== NO_DIGIT && !tileOf.has(d)) tileOf.set(d, tileOf.size);
      rows.push(d === NO_DIGIT ? NO_TILE : (tileOf.get(d) ?? NO_TILE));
    }
  }
  if (tileOf.size === 0) throw new Error(`${variantId}: no digit of the browser shard activates any hidden node`);
  if (tileOf.size >= NO_TILE) throw new Error(`${variantId}: ${tileOf.size} distinct top digits do not fit uint16 tile numbers`);
  const digits = [...tileOf.keys()];
  const pixels = new Uint8Array(digits.length * PIXELS);
  digits.forEach((d, t) => pixels.set(shard.images.subarray(d * PIXELS, (d + 1) * PIXELS), t * PIXELS));
  const bytes = new Uint8Array(rows.length * 2 + digits.length);
  const view = new DataView(bytes.buffer);
  rows.forEach((t, i) => view.setUint16(i * 2, t, true));
  digits.forEach((d, t) => (bytes[rows.length * 2 + t] = shard.labels[d]));
  await mkdir(join(outDir, 'top-digits'), { recursive: true });
  const path = `top-digits/${variantId}.bin`;
  await writeFile(join(outDir, path), bytes);
  return {
    k: top.k,
    searched: shard.count,
    path,
    bytes: bytes.length,
    sprite: await writeGraySheet(outDir, `top-digits/${variantId}-sprite.png`, pixels, 'digits'),
    layers: top.layers.map((l) => ({ index: l.index, nodes: l.nodes })),
  };
}


import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeLayer, composeNet } from '../../src/lib/compose';
import type { DenseNet } from '../../src/lib/dense-net';
import { withWeightTensors } from '../../src/lib/dense-tensors';
import type { LayerEntry } from '../../src/lib/manifest';
import { DISPLAYS } from '../../src/lib/normalise';
import { writeWeightSheet } from './sheet-writer';

/**
 * Composes a trained network's kernels into per-node images and writes, for every layer (or only
 * the output layer), the raw float32 matrix [nodes, 784] and one sheet per display. Also
 * returns every layer's composed images, [nodes, 784] each, input side first.
 */
export async function writeComposedLayers(
  net: DenseNet,
  variantId: string,
  outDir: string,
  which: 'all' | 'output' = 'all',
): Promise<{ layers: LayerEntry[]; composed: Float32Array[] }> {
  const layers = await composeNet(net);
  await mkdir(join(outDir, 'composed'), { recursive: true });
  const entries: LayerEntry[] = [];
  for (const [i, { nodes, values }] of layers.entries()) {
    if (which === 'output' && i < layers.length - 1) continue;
    const index = i + 1;
    const name = net.layers[i].name;
    const composedPath = `composed/${variantId}-layer${index}.f32`;
    await writeFile(join(outDir, composedPath), littleEndianBytes(values));
    const sheets = [];
    for (const display of DISPLAYS) {
      sheets.push(await writeWeightSheet(outDir, `sheets/${variantId}-layer${index}-${display}.png`, values, display));
    }
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    entries.push({
      index,
      name,
      nodes,
      composition: Array.from({ length: index }, (_, k) => `W${k + 1}`).join('·'),
      composed: composedPath,
      min,
      max,
      sheets,
    });
  }
  return { layers: entries, composed: layers.map((l) => l.values) };
}

/** A network's composed output images (W1·…·Wn)ᵀ, [10, 784], without writing anything. */
export async function outputImagesOf(net: DenseNet): Promise<Float32Array> {
  return withWeightTensors(net, async ({ kernels }) => {
    const images = composeLayer(kernels, kernels.length - 1);
    try {
      return (await images.data()) as Float32Array;
    } finally {
      images.dispose();
    }
  });
}

/** Float32 values as little-endian bytes, whatever the machine's byte order. */
export function littleEndianBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return bytes;
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DenseNet } from '../../src/lib/dense-net';
import { meanEffectiveNodeTemplates, meanEffectiveTemplates, rowCosines, rowNormRatios } from '../../src/lib/effective-templates';
import { PIXELS } from '../../src/lib/mnist-constants';
import { edgeRegionWeights } from '../../src/lib/region-weights';
import type { EffectiveEntry, SheetEntry } from '../../src/lib/manifest';
import type { DigitSet } from '../../src/lib/mnist';
import { mean } from '../../src/lib/mean';
import { quantileAbs, SIGNED_SCALE_QUANTILE } from '../../src/lib/normalise';
import { littleEndianBytes } from './composed-layers';
import { writeWeightSheet } from './sheet-writer';

/** How many layer-2 nodes the figure shows. */
export const EFFECTIVE_NODE_COUNT = 5;

/**
 * Measures what a trained `mlp` network really uses on the test set: the mean effective template
 * of each digit and of a few layer-2 nodes (the layer's strongest composed images), against their
 * composed images (`layers`, the network's composed images of every layer, input side first, from
 * `composeNet`). Writes the templates as float32 and each composed/effective pair as two signed
 * sheets on one shared scale, and returns the manifest entry.
 */
export async function writeEffectiveTemplates(
  net: DenseNet,
  layers: readonly Float32Array[],
  variantId: string,
  outDir: string,
  test: DigitSet,
): Promise<EffectiveEntry> {
  const [, layer2, composed] = layers;
  await mkdir(join(outDir, 'effective'), { recursive: true });
  const effective = await meanEffectiveTemplates(net, test);
  const path = `effective/${variantId}-output.f32`;
  await writeFile(join(outDir, path), littleEndianBytes(effective));
  const outputSheets = await writePair(outDir, `${variantId}-output`, composed, effective);

  const layer2Effective = await meanEffectiveNodeTemplates(net, test, [...Array(layer2.length / PIXELS).keys()]);
  const allCosines = rowCosines(layer2, layer2Effective);
  const allStrengths = rowNormRatios(layer2, layer2Effective);
  const nodes = strongest(layer2, EFFECTIVE_NODE_COUNT);
  const nodeComposed = pickRows(layer2, nodes);
  const nodeEffective = pickRows(layer2Effective, nodes);
  const nodePath = `effective/${variantId}-layer2-nodes.f32`;
  await writeFile(join(outDir, nodePath), littleEndianBytes(nodeEffective));
  return {
    path,
    cosine: rowCosines(composed, effective),
    strength: rowNormRatios(composed, effective),
    testCount: test.count,
    ...outputSheets,
    edgeWeights: edgeRegionWeights(effective),
    nodes: {
      nodes,
      cosine: nodes.map((k) => allCosines[k]),
      strength: nodes.map((k) => allStrengths[k]),
      meanCosine: mean(allCosines),
      meanStrength: mean(allStrengths),
      path: nodePath,
      ...(await writePair(outDir, `${variantId}-layer2-nodes`, nodeComposed, nodeEffective)),
    },
  };
}

/** Composed and effective images as signed sheets on one scale, taken from both together. */
async function writePair(
  outDir: string,
  name: string,
  composed: Float32Array,
  effective: Float32Array,
): Promise<{ composedSheet: SheetEntry; effectiveSheet: SheetEntry }> {
  const both = new Float32Array(composed.length + effective.length);
  both.set(composed);
  both.set(effective, composed.length);
  const scale = quantileAbs(both, SIGNED_SCALE_QUANTILE);
  return {
    composedSheet: await writeWeightSheet(outDir, `sheets/${name}-composed-signed.png`, composed, 'signed', scale),
    effectiveSheet: await writeWeightSheet(outDir, `sheets/${name}-effective-signed.png`, effective, 'signed', scale),
  };
}

/** The `count` rows [rows, 784] of largest Euclidean norm, in node order. */
function strongest(rows: Float32Array, count: number): number[] {
  const norms = Array.from({ length: rows.length / PIXELS }, (_, r) => {
    let sum = 0;
    for (let p = r * PIXELS; p < (r + 1) * PIXELS; p++) sum += rows[p] ** 2;
    return { r, sum };
  });
  return norms
    .sort((a, b) => b.sum - a.sum || a.r - b.r)
    .slice(0, count)
    .map((n) => n.r)
    .sort((a, b) => a - b);
}

function pickRows(rows: Float32Array, picks: readonly number[]): Float32Array {
  const out = new Float32Array(picks.length * PIXELS);
  picks.forEach((r, i) => out.set(rows.subarray(r * PIXELS, (r + 1) * PIXELS), i * PIXELS));
  return out;
}

/** The files an effective-templates entry names. */
export function effectiveFiles(e: EffectiveEntry): string[] {
  const sheets = (x: { composedSheet: SheetEntry; effectiveSheet: SheetEntry }) => [x.composedSheet.path, x.effectiveSheet.path];
  return [e.path, ...sheets(e), e.nodes.path, ...sheets(e.nodes)];
}

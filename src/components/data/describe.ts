import type { LayerEntry, Manifest, SheetEntry, VariantEntry } from '../../lib/manifest';
import { OPTIMIZERS } from '../../experiment/optimizers';
import { formatAccuracy, formatCount } from '../../present/format';

/** Words for a display, as the article names it. */
export const DISPLAY_WORDS: Record<SheetEntry['display'], string> = {
  minmax: 'each tile stretched from its own minimum (black) to its maximum (white)',
  signed: 'a shared diverging colour scale, blue for negative weights, white for zero, red for positive',
  share: 'white where every training image of the digit has ink, black where none does',
  digits: 'training images as they are',
};

/**
 * True for a variant's last layer. Study variants keep only their output layer, so its index (3)
 * is not their number of layers (1).
 */
export function isOutputLayer(variant: VariantEntry, layer: LayerEntry): boolean {
  return layer.index === variant.layers[variant.layers.length - 1].index;
}

/** "the first hidden layer", "the second hidden layer", "the output layer". */
export function layerWords(variant: VariantEntry, layer: LayerEntry): string {
  if (isOutputLayer(variant, layer)) return 'the output layer';
  const ordinals = ['first', 'second', 'third', 'fourth'];
  return `the ${ordinals[layer.index - 1] ?? `${layer.index}th`} hidden layer`;
}

/** "the multi-layer network trained on 500 images (test accuracy 85.1%)". */
export function variantWords(variant: VariantEntry): string {
  const optimizer = variant.role === 'study' ? ` with ${OPTIMIZERS[variant.config.optimizer].label}` : '';
  const moved = variant.config.maxShift ? `, each digit moved at random by up to ${variant.config.maxShift} pixels` : '';
  return `${variant.title} trained on ${formatCount(variant.trainCount)} images${optimizer}${moved} (test accuracy ${formatAccuracy(variant.testAccuracy)})`;
}

/**
 * How a variant was trained, in a few words, to tell apart networks of the same size:
 * "RMSprop (Keras)", "plain SGD", "RMSprop (Keras), moved digits".
 */
export function trainingLabel(variant: VariantEntry): string {
  const optimizer = OPTIMIZERS[variant.config.optimizer].label;
  return variant.config.maxShift ? `${optimizer}, moved digits` : optimizer;
}

/** Short tag for a variant: "the multi-layer network, 500 images". */
export function variantTag(variant: VariantEntry): string {
  return `${variant.title}, ${formatCount(variant.trainCount)} images`;
}

/** Alt text of a weight sheet: what it shows, how many tiles, which model and its accuracy. */
export function weightSheetAlt(variant: VariantEntry, layer: LayerEntry, sheet: SheetEntry): string {
  const what = layer.index === 1 ? `weights ${layer.composition}` : `composed weights ${layer.composition}`;
  const tiles = isOutputLayer(variant, layer) ? `${sheet.tiles} tiles, one per digit 0 to 9` : `${formatCount(sheet.tiles)} tiles, one per node`;
  return (
    `Grid of ${tiles}: the ${what} of ${layerWords(variant, layer)} as 28 by 28 pixel images, ` +
    `${DISPLAY_WORDS[sheet.display]}. Model: ${variantWords(variant)}.`
  );
}

/** Alt text of the sample-digit sheet. */
export function samplesAlt(manifest: Manifest): string {
  const { sheet, labels } = manifest.samples;
  return (
    `Grid of ${sheet.tiles} handwritten digits from the MNIST training set, white ink on black, ` +
    `${sheet.columns} columns by ${sheet.rows} rows; row by row their labels are ${labels.join(' ')}.`
  );
}

/** Alt text of the ink-share sheet. */
export function inkAlt(manifest: Manifest): string {
  const { sheet, imageCount } = manifest.ink;
  return (
    `Grid of ${sheet.tiles} tiles, one per digit 0 to 9: for each pixel, the share of that digit's ` +
    `training images (${formatCount(imageCount)} in all) with ink there, ${DISPLAY_WORDS.share}.`
  );
}

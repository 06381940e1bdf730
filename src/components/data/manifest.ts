import { base } from 'astro:config/client';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OPTIMIZER_NAMES } from '../../experiment/optimizers';
import { GENERATED_MANIFEST as MANIFEST_PATH } from '../../lib/generated-dir';
import { type LayerEntry, type Manifest, parseManifest, type SheetEntry, type VariantEntry } from '../../lib/manifest';
import { variantOf } from '../../lib/quantity';
import { fingerprintedUrl, generatedFileUrl } from '../../widgets/contract';

let cached: Manifest | undefined;

/**
 * The figure pipeline's manifest, read and validated once per build. Fails with a message that
 * says how to produce it when it is missing.
 */
export function getManifest(): Manifest {
  if (cached) return cached;
  const file = resolve(process.cwd(), MANIFEST_PATH);
  if (!existsSync(file)) {
    // Astro prints this right after the name of the page it was rendering, on the same line.
    throw new Error(`\n${MANIFEST_PATH} not found: run \`npm run figures\` first (\`npm run build\` runs it for you)`);
  }
  cached = parseManifest(JSON.parse(readFileSync(file, 'utf8')), MANIFEST_PATH);
  return cached;
}

/** The variant with this id, e.g. `mlp-500`, of the build's manifest unless given another; throws naming the ids that exist. */
export function getVariant(id: string, manifest = getManifest()): VariantEntry {
  return variantOf(manifest, id);
}

/** Dense layer `index` (1-based) of a variant. */
export function getLayer(variant: VariantEntry, index: number): LayerEntry {
  const layer = variant.layers.find((l) => l.index === index);
  if (!layer) throw new Error(`${variant.id} has no layer ${index} (it has ${variant.layers.length})`);
  return layer;
}

/** The sheet of a layer in one display. */
export function getSheet(layer: LayerEntry, display: SheetEntry['display']): SheetEntry {
  const sheet = layer.sheets.find((s) => s.display === display);
  if (!sheet) throw new Error(`layer ${layer.index} has no ${display} sheet`);
  return sheet;
}

/** The output layer: the last Dense layer. */
export function outputLayer(variant: VariantEntry): LayerEntry {
  return variant.layers[variant.layers.length - 1];
}

/**
 * The path the site is served under (config `base`), with a trailing slash. Read from Astro's
 * config module: `import.meta.env.BASE_URL` reads `/` in a page's server render whatever the base.
 */
export const SITE_BASE = base.endsWith('/') ? base : `${base}/`;

/**
 * The URL of a generated file, under the site's base path. A short piece of the pipeline's
 * fingerprint is appended so a browser never shows a cached figure from an older run.
 */
export function generatedUrl(path: string, manifest = getManifest()): string {
  return generatedFileUrl(SITE_BASE, path, manifest.fingerprint);
}

/** The URL of a file of the site (`path` from its root), under the base path, with the fingerprint appended. */
export function siteUrl(path: string, manifest = getManifest()): string {
  return fingerprintedUrl(SITE_BASE, path, manifest.fingerprint);
}

/** The original experiment's variants, in pipeline order. */
export function experimentVariants(manifest = getManifest()): VariantEntry[] {
  return manifest.variants.filter((v) => v.role === 'experiment');
}

/**
 * An experiment variant and its optimizer-study retrainings, in the order of `OPTIMIZER_NAMES`
 * (the experiment's own optimizer first).
 */
export function optimizerStudy(base: string, manifest = getManifest()): VariantEntry[] {
  // Variants trained on moved digits share the base but are no optimizer's retraining.
  const group = manifest.variants.filter((v) => v.base === base && !v.config.maxShift);
  if (group.length < 2) throw new Error(`the manifest has no optimizer study of "${base}"`);
  return OPTIMIZER_NAMES.flatMap((name) => group.filter((v) => v.config.optimizer === name));
}

/** The saved model of an experiment variant; throws for a study variant, which keeps none. */
export function modelPath(variant: VariantEntry): string {
  if (!variant.model) throw new Error(`variant "${variant.id}" has no saved model (only experiment variants keep theirs)`);
  return variant.model;
}

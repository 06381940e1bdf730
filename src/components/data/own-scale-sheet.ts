import { resolve } from 'node:path';
import { GENERATED_DIR } from '../../lib/generated-dir';
import type { SheetEntry, VariantEntry } from '../../lib/manifest';
import { type RenderedSheet, renderWeightSheet, sheetEntryOf } from '../../lib/render-sheet';
import { getEffective } from './effective';
import { readImages } from './image-file';
import { getManifest, siteUrl } from './manifest';

/**
 * The mean effective templates of an `mlp` variant ([10, 784] float32 from the pipeline) drawn on
 * their own signed scale, instead of the scale they share with the composed images. The site draws
 * this sheet at build time (`src/pages/figures/[sheet].ts`): it needs no new pipeline output.
 */
export interface OwnScaleSheet {
  /** Geometry and scale as a manifest sheet entry; `path` is the site path of the PNG. */
  sheet: SheetEntry;
  rendered: RenderedSheet;
}

const cache = new Map<string, OwnScaleSheet>();

/** The file name (under `figures/`) of a variant's own-scale effective sheet. */
export function ownScaleName(variantId: string): string {
  return `${variantId}-effective-own-scale.png`;
}

/** The own-scale sheet of a variant's mean effective templates, rendered once per build. */
export function ownScaleSheet(variant: VariantEntry): OwnScaleSheet {
  const hit = cache.get(variant.id);
  if (hit) return hit;
  const e = getEffective(variant);
  const values = readImages(resolve(process.cwd(), GENERATED_DIR, e.path), 10);
  const rendered = renderWeightSheet(values, 'signed');
  const sheet = sheetEntryOf(rendered, 'signed', `figures/${ownScaleName(variant.id)}`);
  const entry = { sheet, rendered };
  cache.set(variant.id, entry);
  return entry;
}

/** The URL of the own-scale sheet under the site's base, with the pipeline's fingerprint against stale caches. */
export function ownScaleUrl(variant: VariantEntry): string {
  return siteUrl(ownScaleSheet(variant).sheet.path);
}

/** The variants that have mean effective templates (every `mlp` variant of the experiment). */
export function effectiveVariants(manifest = getManifest()): VariantEntry[] {
  return manifest.variants.filter((v) => v.effective);
}

import type { Architecture } from '../../experiment/networks';
import type { VariantEntry } from '../../lib/manifest';

/** The fields of a manifest variant that choosing a widget's build model reads. */
export type ModelCandidate = Pick<VariantEntry, 'architecture' | 'trainCount' | 'model'>;

/**
 * The saved model a retraining widget shows before any training, for one architecture: that of
 * the variant trained on the most images (the first such, in manifest order). Throws when the
 * architecture has no variant with a saved model.
 */
export function buildModelOf(variants: readonly ModelCandidate[], architecture: Architecture): string {
  const candidates = variants.filter((v) => v.architecture === architecture);
  const most = Math.max(...candidates.map((v) => v.trainCount));
  const model = candidates.find((v) => v.trainCount === most)?.model;
  if (!model) throw new Error(`the manifest has no ${architecture} model for the retraining widget`);
  return model;
}

/**
 * What the page's widgets agree on, in one place: the event the retraining widgets send when a
 * model is trained, its payload and the check of that payload, and how a file of the figure
 * pipeline's output is addressed. Imports only the experiment's architecture type, so the Astro
 * components (at build time), the retraining widgets and the draw widget can all use it.
 */
import type { Architecture } from '../experiment/networks';

/** The event a retraining widget dispatches on `window` after training, with the model as detail. */
export const RETRAINED_EVENT = 'mnist:retrained';

/** The draw widget's choice of the model retrained on the page, beside the build's variant ids. */
export const RETRAINED_ID = 'retrained';

/** `detail` of the retrained event: a TensorFlow.js layers model held in memory. */
export interface RetrainedModel {
  architecture: Architecture;
  /** A model.json: `modelTopology` and `weightsManifest[0].weights` are used. */
  modelJson: object;
  weightData: ArrayBuffer;
}

/** Checks an event's detail against the contract, since it comes from another widget. */
export function asRetrainedModel(detail: unknown): RetrainedModel | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const d = detail as Partial<Record<keyof RetrainedModel, unknown>>;
  const okArchitecture = d.architecture === 'mlp' || d.architecture === 'linear';
  const okJson = typeof d.modelJson === 'object' && d.modelJson !== null && 'modelTopology' in d.modelJson && 'weightsManifest' in d.modelJson;
  if (!okArchitecture || !okJson || !(d.weightData instanceof ArrayBuffer)) return null;
  return { architecture: d.architecture as Architecture, modelJson: d.modelJson as object, weightData: d.weightData };
}

/** The draw widget's user-timing measure from the end of a stroke to the frame that shows its maps. */
export const STROKE_TO_MAPS = 'draw:stroke-to-maps';

/** Where the site serves the pipeline's output, under its base path. */
export const GENERATED_PREFIX = 'generated/';

/** Characters of the pipeline's fingerprint appended to each generated file's URL. */
const FINGERPRINT_CHARS = 12;

/**
 * The URL of a file of the site: `siteBase` (the site's base path, with or without a trailing
 * '/'), then `path`, then `?v=` and a short piece of the pipeline's `fingerprint`, so a browser
 * never uses a cached file from an older run.
 */
export function fingerprintedUrl(siteBase: string, path: string, fingerprint: string): string {
  if (!fingerprint) throw new Error(`fingerprintedUrl: no fingerprint for ${path}`);
  const base = siteBase.endsWith('/') ? siteBase : `${siteBase}/`;
  return `${base}${path}?v=${fingerprint.slice(0, FINGERPRINT_CHARS)}`;
}

/**
 * The fingerprinted URL of a file of the pipeline's output, `path` under `generated/`. A
 * model.json addressed this way passes the same `?v=` on to its weights (TensorFlow.js keeps the
 * query of a model's URL for its weights).
 */
export function generatedFileUrl(siteBase: string, path: string, fingerprint: string): string {
  return fingerprintedUrl(siteBase, `${GENERATED_PREFIX}${path}`, fingerprint);
}

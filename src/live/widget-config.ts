import type { BrowserData } from '../lib/manifest';

/** What the Astro wrapper tells a retraining widget, as JSON in its `data-config` attribute. */
export interface RetrainWidgetConfig {
  /** Namespace of this widget's settings in the page URL. */
  prefix: string;
  /** The site's base path (Astro's BASE_URL); generated files are addressed by `generatedFileUrl`. */
  siteBase: string;
  /** The figure pipeline's fingerprint, which every generated file's URL carries. */
  fingerprint: string;
  browserData: BrowserData;
  /** Paths, under the generated folder, of the build's trained model.json for each architecture. */
  models: { mlp: string; linear: string };
  /** Indices into the browser test set of the digits shown with the model's guesses. */
  stripIndices: number[];
}

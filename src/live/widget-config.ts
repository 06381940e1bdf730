import type { BrowserData } from '../lib/manifest';

/** What the Astro wrapper tells a retraining widget, as JSON in its `data-config` attribute. */
export interface RetrainWidgetConfig {
  /** Namespace of this widget's settings in the page URL. */
  prefix: string;
  /** Absolute or root-relative URL of the generated folder, ending in '/'. */
  generatedBase: string;
  browserData: BrowserData;
  /** URLs of the build's trained model.json for each architecture. */
  models: { mlp: string; linear: string };
  /** Indices into the browser test set of the digits shown with the model's guesses. */
  stripIndices: number[];
}

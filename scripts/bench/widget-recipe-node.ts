import type { BrowserData, BehaviourEntry } from '../../src/lib/manifest';
import type { RetrainSettings } from '../../src/live/settings';
import { runWidgetRecipe } from '../../src/live/widget-recipe';
import { chooseBackend } from '../backend';
import { readBrowserDigits } from '../figures/browser-data';

/**
 * What a retraining widget gives for `settings`, computed in Node on the wasm backend: the same
 * digits (from the figures' folder `dir`), recipe and tests as the worker (`runWidgetRecipe`).
 */
export async function nodeWidgetRecipe(dir: string, data: BrowserData, settings: RetrainSettings): Promise<BehaviourEntry> {
  await chooseBackend('wasm');
  const [train, test] = await Promise.all([readBrowserDigits(dir, data.train), readBrowserDigits(dir, data.test)]);
  return runWidgetRecipe(settings, train, test);
}

import { readSettings, type RetrainSettings, writeSettings } from './settings';

/** A widget's settings as the page URL gives them under `prefix`, `base` for what it leaves out. */
export function settingsFromUrl(prefix: string, base: RetrainSettings, maxTrain: number): RetrainSettings {
  return readSettings(new URLSearchParams(location.search), prefix, base, maxTrain);
}

/**
 * Writes a widget's settings into the page URL under `prefix`, keeping other parameters and the
 * hash, without adding a history entry: a reload or a shared link restores them.
 */
export function saveSettingsToUrl(prefix: string, s: RetrainSettings): void {
  const params = new URLSearchParams(location.search);
  writeSettings(params, prefix, s);
  history.replaceState(history.state, '', `${location.pathname}?${params}${location.hash}`);
}

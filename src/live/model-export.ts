import { RETRAINED_EVENT, type RetrainedModel } from '../widgets/contract';

/** Tells the page's other widgets (the draw widget) that a model was retrained. */
export function announceRetrained(model: RetrainedModel): void {
  window.dispatchEvent(new CustomEvent(RETRAINED_EVENT, { detail: { ...model, weightData: model.weightData.slice(0) } }));
}

/**
 * Saves a model as the two files TensorFlow.js loads, `mnist-<architecture>-retrained.json` and
 * `.weights.bin`, with the JSON's weight paths pointing at the second.
 */
export function downloadModel({ architecture, modelJson, weightData }: RetrainedModel): void {
  const name = `mnist-${architecture}-retrained`;
  const json = { ...modelJson, weightsManifest: relabelWeights(modelJson, `${name}.weights.bin`) };
  saveFile(new Blob([JSON.stringify(json)], { type: 'application/json' }), `${name}.json`);
  saveFile(new Blob([weightData], { type: 'application/octet-stream' }), `${name}.weights.bin`);
}

function relabelWeights(modelJson: object, path: string): unknown {
  const manifest = (modelJson as { weightsManifest?: { weights: unknown }[] }).weightsManifest ?? [];
  return manifest.map((group) => ({ ...group, paths: [path] }));
}

function saveFile(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

import type { Architecture } from '../experiment/networks';

/** The event the retraining widget dispatches on `window` after training. */
export { RETRAINED_EVENT } from '../widgets/contract';

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

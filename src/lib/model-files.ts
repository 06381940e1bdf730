import * as tf from '@tensorflow/tfjs';

/** A layers model as the two files of the TensorFlow.js format. */
export interface ModelFiles {
  /** model.json: topology plus a weights manifest naming one weights file. */
  modelJson: object;
  /** The bytes of that weights file. */
  weightData: ArrayBuffer;
}

/**
 * Serialises a model to the standard TensorFlow.js layers format, with all weights in one file
 * called `weightsPath`: what `tf.loadLayersModel` reads in Node and in the browser.
 */
export async function modelFiles(model: tf.LayersModel, weightsPath: string): Promise<ModelFiles> {
  let files: ModelFiles | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error(`model "${model.name}" has no weights to save`);
      files = {
        modelJson: {
          modelTopology: artifacts.modelTopology,
          format: 'layers-model',
          generatedBy: artifacts.generatedBy,
          convertedBy: null,
          weightsManifest: [{ paths: [weightsPath], weights: artifacts.weightSpecs }],
        },
        weightData: tf.io.CompositeArrayBuffer.join(artifacts.weightData),
      };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!files) throw new Error(`model "${model.name}" was not serialised`);
  return files;
}

/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { batchTensors } from '../lib/batches';
import { composeLayer } from '../lib/compose';
import { confusionMatrix, perClassAccuracy } from '../lib/confusion';
import { headOf, subsetOf, type DigitSet } from '../lib/mnist';
import { modelFiles } from '../lib/model-files';
import { compileModel, createModel, denseKernels, disposeModel } from '../lib/model';
import { type Architecture } from '../experiment/networks';
import { train } from '../lib/train';
import { measureBehaviour } from '../lib/behaviour';
import { chooseFastestBackend } from './backend-probe';
import type { AutoChoice, FromWorker, ToWorker } from './protocol';
import type { LayerView, RetrainSettings, TrainingBackend } from './settings';
import { autoCandidates, startBackend } from './worker-backend';
import { widgetTrainingConfig } from './widget-training';

declare const self: DedicatedWorkerGlobalScope;

/** Redraw the live images every this many batches (and at every epoch's end). */
const REDRAW_EVERY = 4;
/** Composing layer 2 or 1 costs far more than the output layer: redraw those less often. */
const REDRAW_EVERY_WIDE = 20;

let trainSet: DigitSet | null = null;
let testSet: DigitSet | null = null;
let strip: DigitSet | null = null;
let model: tf.LayersModel | null = null;
let abort: AbortController | null = null;
let resumeGate: { promise: Promise<void>; open: () => void } | null = null;
let view: LayerView = 'output';
let architecture: Architecture = 'mlp';
/** The settings the current model was trained with, which label its behaviour tests. */
let trainedWith: RetrainSettings | null = null;

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((error: unknown) => {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
};

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'data':
      trainSet = message.train;
      testSet = message.test;
      strip = subsetOf(message.test, message.stripIndices);
      return;
    case 'train':
      return runTraining(message.settings, message.buildModelUrl, message.stockKernels, message.autoChoice);
    case 'pause':
      if (abort && !resumeGate) {
        let open = () => {};
        const promise = new Promise<void>((resolve) => (open = resolve));
        resumeGate = { promise, open };
        post({ type: 'state', state: 'paused' });
      }
      return;
    case 'resume':
      openGate();
      if (abort) post({ type: 'state', state: 'training' });
      return;
    case 'reset':
      abort?.abort();
      openGate();
      if (!abort) {
        discardModel();
        post({ type: 'state', state: 'idle' });
      }
      return;
    case 'view':
      view = message.view;
      await postImages();
      return;
    case 'memory':
      post({ type: 'memory', numTensors: tf.memory().numTensors, numBytes: tf.memory().numBytes });
      return;
    case 'export':
      return exportModel();
    case 'behaviour':
      return runBehaviour();
  }
}

async function runTraining(settings: RetrainSettings, buildModelUrl: string, stockKernels: boolean, autoChoice: AutoChoice | null): Promise<void> {
  if (abort) return;
  if (!trainSet || !testSet) throw new Error('training data has not arrived yet');
  abort = new AbortController();
  const { signal } = abort;
  post({ type: 'state', state: 'loading' });
  try {
    discardModel();
    const config = widgetTrainingConfig(settings);
    const data = headOf(trainSet, Math.min(settings.trainSize, trainSet.count));
    let backend: TrainingBackend;
    if (settings.backend === 'auto') {
      const choice = autoChoice ?? (await chooseFastestBackend(await autoCandidates(), settings.architecture, config, data, !stockKernels));
      post({ type: 'auto', choice });
      backend = choice.backend;
    } else {
      backend = settings.backend;
    }
    post({ type: 'backend', backend: await startBackend(backend, !stockKernels) });
    architecture = settings.architecture;
    view = settings.view;
    model = settings.fromBuild ? await tf.loadLayersModel(buildModelUrl) : createModel(settings.architecture, config);
    if (settings.fromBuild) compileModel(model, config);
    post({ type: 'state', state: 'training' });
    await postImages();
    await postStrip();
    // Time spent in training steps only: not evaluation, redraws, yields or pauses.
    let busy = 0;
    let samples = 0;
    let mark = performance.now();
    const history = await train(model, data, {
      config,
      test: testSet,
      signal,
      onBatchEnd: async (r) => {
        busy += performance.now() - mark;
        samples += Math.min(config.batchSize, data.count - r.batch * config.batchSize);
        post({ type: 'batch', ...r });
        const every = view === 'output' ? REDRAW_EVERY : REDRAW_EVERY_WIDE;
        if ((r.batch + 1) % every === 0) {
          await postImages();
          await postStrip();
        }
        // Let pause, reset and view messages in between batches.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (resumeGate) await resumeGate.promise;
        mark = performance.now();
      },
      onEpochEnd: async (report) => {
        post({ type: 'epoch', report });
        await postImages();
        mark = performance.now();
      },
    });
    await postStrip();
    const confusion = await confusionMatrix(model, testSet);
    post({
      type: 'done',
      confusion,
      perClass: perClassAccuracy(confusion),
      testAccuracy: history[history.length - 1].testAccuracy,
      samplesPerSecond: samples / (busy / 1000),
      backend: tf.getBackend(),
    });
    trainedWith = settings;
    post({ type: 'state', state: 'done' });
  } catch (error) {
    discardModel();
    post({ type: 'state', state: 'idle' });
    // Only a reset stops training quietly: an AbortError of the browser's own (WebGPU aborts a
    // buffer mapping, for one) is a failure to report.
    if (!signal.aborted) throw error;
  } finally {
    abort = null;
    resumeGate = null;
  }
  if (trainedWith !== settings) return;
  // Plain JavaScript reads tensors without ever yielding to the worker's messages, and takes
  // minutes over the tests: there the reader starts them with the button.
  if (tf.getBackend() === 'cpu') post({ type: 'behaviour-skipped', reason: 'the tests take minutes on plain JavaScript' });
  else await runBehaviour();
}

/**
 * Sends the composed images of the current view's layer. Reads asynchronously, as every read
 * here does: the WebGPU backend cannot read synchronously in a worker.
 */
async function postImages(): Promise<void> {
  if (!model) return;
  const kernels = denseKernels(model);
  const index = view === 'output' ? kernels.length - 1 : view === 'layer2' ? 1 : 0;
  const composed = composeLayer(kernels, Math.min(index, kernels.length - 1));
  tf.dispose(kernels);
  const values = (await composed.data()) as Float32Array;
  const nodes = composed.shape[0];
  composed.dispose();
  post({ type: 'images', view: index === kernels.length - 1 ? 'output' : view, nodes, values }, [values.buffer]);
}

async function postStrip(): Promise<void> {
  if (!model || !strip) return;
  const current = model;
  const stripSet = strip;
  const guessTensor = tf.tidy(() => {
    const { xs } = batchTensors(stripSet, null, 0, stripSet.count);
    return (current.predict(xs) as tf.Tensor2D).argMax(1);
  });
  const guesses = Array.from(await guessTensor.data());
  guessTensor.dispose();
  post({ type: 'strip', guesses });
}

async function exportModel(): Promise<void> {
  if (!model) throw new Error('there is no trained model to download yet');
  const { modelJson, weightData } = await modelFiles(model, 'weights.bin');
  post({ type: 'export', modelJson, weightData, architecture }, [weightData]);
}

/**
 * The article's behaviour tests (erase, plant, move) on the current model over the widget's test
 * digits, with the pipeline's own function; posts the results and the time they took.
 */
async function runBehaviour(): Promise<void> {
  if (!model || !testSet || !trainedWith) throw new Error('there is no trained model to test yet');
  const current = model;
  const settings = trainedWith;
  post({ type: 'testing' });
  const started = performance.now();
  let behaviour;
  try {
    behaviour = await measureBehaviour(current, testSet);
  } catch (error) {
    // A reset or a new run disposed of the model under the tests: nothing to report.
    if (current !== model) return;
    throw error;
  }
  if (current !== model) return;
  post({ type: 'behaviour', behaviour, settings, seconds: (performance.now() - started) / 1000, backend: tf.getBackend() });
}

function discardModel(): void {
  if (model) disposeModel(model);
  model = null;
  trainedWith = null;
}

function openGate(): void {
  resumeGate?.open();
  resumeGate = null;
}

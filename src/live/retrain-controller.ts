import type { EpochReport } from '../lib/train';
import { loadBrowserDigits } from './browser-data';
import { OPTIMIZERS } from '../lib/optimizer-names';
import { renderWeightSheet } from '../lib/render-sheet';
import { paintGray, putSheet } from '../paint/canvas';
import { drawLineChart } from './line-chart';
import type { BackendReport, FromWorker, ToWorker, WorkerState } from './protocol';
import { renderConfusion, renderGuesses } from './results-view';
import { defaultSettings, readSettings, type RetrainSettings, writeSettings } from './settings';
import { readForm, writeForm } from './settings-form';
import type { RetrainWidgetConfig } from './widget-config';

const STATE_TEXT: Record<WorkerState, string> = {
  idle: 'Ready.',
  loading: 'Preparing the model…',
  training: 'Training…',
  paused: 'Paused.',
  done: 'Finished.',
};

/**
 * Runs one retraining widget: reads its controls, keeps them in the URL, drives a training
 * worker and draws what it reports. Owns only the DOM inside `root`.
 */
export class RetrainController {
  readonly #root: HTMLElement;
  readonly #config: RetrainWidgetConfig;
  readonly #form: HTMLFormElement;
  #settings: RetrainSettings;
  #worker: Worker | null = null;
  #state: WorkerState = 'idle';
  #lastImages: Float32Array | null = null;
  #lossPoints: [number, number][] = [];
  #accPoints: [number, number][] = [];
  #testLoss: [number, number][] = [];
  #testAcc: [number, number][] = [];
  #stripLabels: number[] = [];
  #memoryWaiters: ((n: number) => void)[] = [];
  #downloadWanted = false;
  /** False between Reset and the next Train: drops reports the worker sent before it stopped. */
  #live = false;

  constructor(root: HTMLElement, config: RetrainWidgetConfig) {
    this.#root = root;
    this.#config = config;
    this.#form = this.#el<HTMLFormElement>('form');
    const maxTrain = config.browserData.train.count;
    const base = defaultSettings(this.#form.dataset.architecture === 'linear' ? 'linear' : 'mlp', maxTrain);
    this.#settings = readSettings(new URLSearchParams(location.search), config.prefix, base, maxTrain);
    writeForm(this.#form, this.#settings);
    this.#form.addEventListener('change', () => this.#onSettingsChange());
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    this.#button('train').addEventListener('click', () => void this.#train());
    this.#button('pause').addEventListener('click', () => this.#post({ type: this.#state === 'paused' ? 'resume' : 'pause' }));
    this.#button('reset').addEventListener('click', () => this.#reset());
    this.#button('download').addEventListener('click', () => {
      this.#downloadWanted = true;
      this.#post({ type: 'export' });
    });
    this.#el<HTMLFieldSetElement>('fieldset').disabled = false;
    this.#setState('idle');
  }

  /** The worker's live tensor count (for tests and the curious); 0 before the worker exists. */
  memory(): Promise<number> {
    if (!this.#worker) return Promise.resolve(0);
    return new Promise((resolve) => {
      this.#memoryWaiters.push(resolve);
      this.#post({ type: 'memory' });
    });
  }

  /**
   * Stops training and frees the worker and everything it holds. The controls stay usable: the
   * next Train starts a fresh worker (the digits stay cached for the page).
   */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#live = false;
    if (this.#state !== 'idle') this.#setState('idle');
  }

  async #train(): Promise<void> {
    if (this.#state === 'training' || this.#state === 'paused' || this.#state === 'loading') return;
    this.#setState('loading');
    const progress = this.#el<HTMLProgressElement>('[data-role=data-progress]');
    try {
      if (!this.#worker) {
        progress.hidden = false;
        const { train, test } = this.#config.browserData;
        this.#status(`Loading ${train.count.toLocaleString('en-US')} training and ${test.count.toLocaleString('en-US')} test digits…`);
        const digits = await loadBrowserDigits(new URL(this.#config.generatedBase, location.href).href, this.#config.browserData, (f) => (progress.value = f));
        progress.hidden = true;
        this.#drawStrip(digits.test.images, digits.test.labels);
        this.#worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
        this.#worker.onmessage = (e: MessageEvent<FromWorker>) => this.#onMessage(e.data);
        this.#worker.onerror = (e) => this.#status(`The training worker failed: ${e.message}`);
        this.#post({ type: 'data', train: digits.train, test: digits.test, stripIndices: this.#config.stripIndices });
      }
      this.#clearResults();
      this.#live = true;
      const url = this.#config.models[this.#settings.architecture];
      // `?kernels=stock` is for the benchmark (scripts/bench-browser.ts), not for readers.
      const stockKernels = new URLSearchParams(location.search).get('kernels') === 'stock';
      this.#post({ type: 'train', settings: this.#settings, buildModelUrl: new URL(url, location.href).href, stockKernels });
    } catch (error) {
      progress.hidden = true;
      this.#setState('idle');
      this.#status(`Could not load the digits: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #reset(): void {
    this.#live = false;
    this.#post({ type: 'reset' });
    this.#clearResults();
    this.#lastImages = null;
    this.#el('[data-role=live]').hidden = true;
    this.#el('[data-role=static]').hidden = false;
  }

  #onMessage(m: FromWorker): void {
    const stale = !this.#live && (m.type === 'batch' || m.type === 'epoch' || m.type === 'images' || m.type === 'strip' || m.type === 'done');
    if (stale) return;
    switch (m.type) {
      case 'backend':
        this.#el('[data-role=backend]').textContent = `TensorFlow.js backend: ${backendText(m.backend)}`;
        this.#root.dataset.threads = String(m.backend.threads);
        this.#root.dataset.fastKernels = String(m.backend.fastKernels);
        return;
      case 'state':
        this.#setState(m.state);
        return;
      case 'batch': {
        const x = m.epoch + (m.batch + 1) / m.batchesPerEpoch;
        this.#lossPoints.push([x, m.loss]);
        this.#accPoints.push([x, m.accuracy]);
        const bar = this.#el<HTMLProgressElement>('[data-role=train-progress]');
        bar.hidden = false;
        bar.value = x / this.#settings.epochs;
        this.#status(`Epoch ${m.epoch + 1} of ${this.#settings.epochs}, batch ${m.batch + 1} of ${m.batchesPerEpoch}: loss ${m.loss.toFixed(3)}, training accuracy ${(m.accuracy * 100).toFixed(1)}%`, false);
        if ((m.batch + 1) % 4 === 0 || m.batch + 1 === m.batchesPerEpoch) this.#drawCharts();
        return;
      }
      case 'epoch':
        this.#onEpoch(m.report);
        return;
      case 'images':
        this.#lastImages = m.values;
        this.#drawImages();
        return;
      case 'strip':
        renderGuesses(this.#stripItems(), this.#stripLabels, m.guesses);
        return;
      case 'done':
        renderConfusion(this.#el<HTMLTableElement>('[data-role=confusion]'), m.confusion, m.perClass);
        this.#el('[data-role=results]').hidden = false;
        this.#el('[data-role=final]').textContent = `Test accuracy after training: ${(m.testAccuracy * 100).toFixed(1)}%. Trained at ${Math.round(m.samplesPerSecond)} images a second on the ${m.backend} backend.`;
        this.#root.dataset.samplesPerSecond = m.samplesPerSecond.toFixed(1);
        this.#post({ type: 'export' });
        return;
      case 'memory':
        this.#memoryWaiters.splice(0).forEach((resolve) => resolve(m.numTensors));
        return;
      case 'export':
        this.#onExport(m.modelJson, m.weightData, m.architecture);
        return;
      case 'error':
        this.#status(`Error: ${m.message}`);
        return;
    }
  }

  #onEpoch(r: EpochReport): void {
    this.#testLoss.push([r.epoch + 1, r.testLoss]);
    this.#testAcc.push([r.epoch + 1, r.testAccuracy]);
    this.#drawCharts();
    const row = document.createElement('tr');
    row.innerHTML = `<th scope="row">${r.epoch + 1}</th><td>${r.loss.toFixed(3)}</td><td>${(r.accuracy * 100).toFixed(1)}%</td><td>${(r.testAccuracy * 100).toFixed(1)}%</td>`;
    this.#el('[data-role=epochs] tbody').append(row);
    this.#el('[data-role=epochs]').hidden = false;
    this.#el('[data-role=test-accuracy]').textContent = `Test accuracy after epoch ${r.epoch + 1}: ${(r.testAccuracy * 100).toFixed(1)}%`;
  }

  #onExport(modelJson: object, weightData: ArrayBuffer, architecture: string): void {
    window.dispatchEvent(new CustomEvent('mnist:retrained', { detail: { architecture, modelJson, weightData: weightData.slice(0) } }));
    if (!this.#downloadWanted) return;
    this.#downloadWanted = false;
    const name = `mnist-${architecture}-retrained`;
    const json = { ...modelJson, weightsManifest: relabelWeights(modelJson, `${name}.weights.bin`) };
    saveFile(new Blob([JSON.stringify(json)], { type: 'application/json' }), `${name}.json`);
    saveFile(new Blob([weightData], { type: 'application/octet-stream' }), `${name}.weights.bin`);
  }

  #onSettingsChange(): void {
    const before = this.#settings;
    this.#settings = readForm(this.#form, this.#config.browserData.train.count);
    if (before.optimizer !== this.#settings.optimizer) {
      // Each optimizer comes with its own learning rate (SGD needs a far larger one).
      this.#settings = { ...this.#settings, learningRate: OPTIMIZERS[this.#settings.optimizer].learningRate };
      writeForm(this.#form, this.#settings);
    }
    const params = new URLSearchParams(location.search);
    writeSettings(params, this.#config.prefix, this.#settings);
    history.replaceState(history.state, '', `${location.pathname}?${params}${location.hash}`);
    if (before.view !== this.#settings.view) this.#post({ type: 'view', view: this.#settings.view });
    if (before.display !== this.#settings.display) this.#drawImages();
  }

  #drawImages(): void {
    if (!this.#lastImages) return;
    const canvas = this.#el<HTMLCanvasElement>('[data-role=live]');
    putSheet(canvas, renderWeightSheet(this.#lastImages, this.#settings.display));
    canvas.hidden = false;
    this.#el('[data-role=static]').hidden = true;
  }

  #drawCharts(): void {
    drawLineChart(this.#el<SVGSVGElement>('[data-role=loss-chart]'), [
      { label: 'training loss', className: 'train', points: this.#lossPoints },
      { label: 'test loss', className: 'test', points: this.#testLoss, dots: true },
    ], { xLabel: 'epoch', yLabel: 'loss' });
    drawLineChart(this.#el<SVGSVGElement>('[data-role=accuracy-chart]'), [
      { label: 'training accuracy', className: 'train', points: this.#accPoints },
      { label: 'test accuracy', className: 'test', points: this.#testAcc, dots: true },
    ], { xLabel: 'epoch', yLabel: 'accuracy', yMin: 0, yMax: 1, legendAt: 'bottom' });
  }

  #drawStrip(images: Uint8Array, labels: Uint8Array): void {
    const items = this.#stripItems();
    this.#stripLabels = this.#config.stripIndices.map((i) => labels[i]);
    items.forEach((item, k) => {
      const i = this.#config.stripIndices[k];
      const canvas = item.querySelector('canvas');
      if (canvas) paintGray(canvas, images.subarray(i * 784, (i + 1) * 784));
    });
    this.#el('[data-role=strip]').hidden = false;
  }

  #clearResults(): void {
    this.#lossPoints = [];
    this.#accPoints = [];
    this.#testLoss = [];
    this.#testAcc = [];
    this.#drawCharts();
    this.#el('[data-role=epochs] tbody').replaceChildren();
    this.#el('[data-role=epochs]').hidden = true;
    this.#el('[data-role=results]').hidden = true;
    this.#el('[data-role=test-accuracy]').textContent = '';
    this.#el<HTMLProgressElement>('[data-role=train-progress]').hidden = true;
  }

  #setState(state: WorkerState): void {
    this.#state = state;
    const busy = state === 'training' || state === 'paused' || state === 'loading';
    this.#button('train').disabled = busy;
    const pause = this.#button('pause');
    pause.disabled = !(state === 'training' || state === 'paused');
    pause.textContent = state === 'paused' ? 'Resume' : 'Pause';
    this.#button('reset').disabled = state === 'idle' || state === 'loading';
    this.#button('download').disabled = state !== 'done' && state !== 'paused';
    this.#root.dataset.state = state;
    if (state !== 'training') this.#status(STATE_TEXT[state]);
  }

  #status(text: string, announce = true): void {
    const status = this.#el('[data-role=status]');
    status.setAttribute('aria-live', announce ? 'polite' : 'off');
    status.textContent = text;
  }

  #post(message: ToWorker): void {
    this.#worker?.postMessage(message);
  }

  #stripItems(): HTMLElement[] {
    return Array.from(this.#root.querySelectorAll<HTMLElement>('[data-role=strip] li'));
  }

  #button(action: string): HTMLButtonElement {
    return this.#el<HTMLButtonElement>(`button[data-action=${action}]`);
  }

  #el<T extends Element = HTMLElement>(selector: string): T {
    const found = this.#root.querySelector<T & Element>(selector);
    if (!found) throw new Error(`retrain widget: missing ${selector}`);
    return found;
  }
}

/** E.g. `wasm, 2 threads`, or why wasm runs on one thread. */
function backendText(b: BackendReport): string {
  if (b.name !== 'wasm') return b.name;
  if (b.threads > 1) return `wasm, ${b.threads} threads`;
  return b.isolated ? 'wasm, 1 thread' : 'wasm, 1 thread (threads need a cross-origin isolated page)';
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

import type { EpochReport } from '../lib/train';
import { OPTIMIZERS } from '../experiment/optimizers';
import { renderWeightSheet } from '../lib/render-sheet';
import { putSheet } from '../paint/canvas';
import { generatedFileUrl } from '../widgets/contract';
import { autoChoiceText, keepAutoChoice, pageAutoChoice } from './auto-choice';
import { loadBrowserDigits } from './browser-data';
import { announceRetrained, downloadModel } from './model-export';
import type { BackendReport, FromWorker, WorkerState } from './protocol';
import { addReaderRun, shiftChartId } from './reader-runs';
import type { ReaderRun } from './reader-summary';
import { formatAccuracy } from '../present/format';
import { movedAccuracy, SUMMARY_SHIFT } from '../present/shift-chart';
import { paintStrip, renderConfusion, renderGuesses } from './results-view';
import { BACKEND_LABELS, defaultSettings, type RetrainSettings } from './settings';
import { readForm, writeForm } from './settings-form';
import { TrainingCharts } from './training-charts';
import { saveSettingsToUrl, settingsFromUrl } from './url-state';
import type { RetrainWidgetConfig } from './widget-config';
import { WorkerClient } from './worker-client';

const STATE_TEXT: Record<WorkerState, string> = {
  idle: 'Ready.',
  loading: 'Preparing the model…',
  training: 'Training…',
  paused: 'Paused.',
  done: 'Finished.',
};

/**
 * The view of one retraining widget: reads its controls (kept in the URL), starts training in a
 * worker and shows what it reports. Owns only the DOM inside `root`.
 */
export class RetrainController {
  readonly #root: HTMLElement;
  readonly #config: RetrainWidgetConfig;
  readonly #form: HTMLFormElement;
  readonly #charts: TrainingCharts;
  #settings: RetrainSettings;
  #worker: WorkerClient | null = null;
  #state: WorkerState = 'idle';
  #lastImages: Float32Array | null = null;
  #stripLabels: number[] = [];
  #downloadWanted = false;
  /** The last behaviour tests the worker reported, and whether tests are running now. */
  #lastRun: ReaderRun | null = null;
  #testing = false;
  /** False between Reset and the next Train: drops reports the worker sent before it stopped. */
  #live = false;

  constructor(root: HTMLElement, config: RetrainWidgetConfig) {
    this.#root = root;
    this.#config = config;
    this.#form = this.#el<HTMLFormElement>('form');
    this.#charts = new TrainingCharts(this.#el<SVGSVGElement>('[data-role=loss-chart]'), this.#el<SVGSVGElement>('[data-role=accuracy-chart]'));
    const maxTrain = config.browserData.train.count;
    const base = defaultSettings(this.#form.dataset.architecture === 'linear' ? 'linear' : 'mlp', maxTrain);
    this.#settings = settingsFromUrl(config.prefix, base, maxTrain);
    writeForm(this.#form, this.#settings);
    this.#form.addEventListener('change', () => this.#onSettingsChange());
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    this.#button('train').addEventListener('click', () => void this.#train());
    this.#button('pause').addEventListener('click', () => this.#worker?.post({ type: this.#state === 'paused' ? 'resume' : 'pause' }));
    this.#button('reset').addEventListener('click', () => this.#reset());
    this.#button('behaviour').addEventListener('click', () => this.#worker?.post({ type: 'behaviour' }));
    this.#button('download').addEventListener('click', () => {
      this.#downloadWanted = true;
      this.#worker?.post({ type: 'export' });
    });
    this.#el<HTMLFieldSetElement>('fieldset').disabled = false;
    this.#setState('idle');
  }

  /** The worker's live tensor count (for tests and the curious); 0 before the worker exists. */
  memory(): Promise<number> {
    return this.#worker?.memory() ?? Promise.resolve(0);
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

  /** The worker's last behaviour tests of the reader's network, as the page shows them; null before any. */
  lastRun(): ReaderRun | null {
    return this.#lastRun;
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
        const digits = await loadBrowserDigits((path) => this.#generatedUrl(path), this.#config.browserData, (f) => (progress.value = f));
        progress.hidden = true;
        this.#stripLabels = paintStrip(this.#stripItems(), digits.test.images, digits.test.labels, this.#config.stripIndices);
        this.#el('[data-role=strip]').hidden = false;
        this.#worker = new WorkerClient(digits, this.#config.stripIndices, (m) => this.#onMessage(m), (message) => this.#status(`The training worker failed: ${message}`));
      }
      this.#clearResults();
      this.#live = true;
      const buildModelUrl = this.#generatedUrl(this.#config.models[this.#settings.architecture]);
      // `?kernels=stock` is for the benchmark (scripts/bench-browser.ts), not for readers.
      const stockKernels = new URLSearchParams(location.search).get('kernels') === 'stock';
      this.#worker.post({ type: 'train', settings: this.#settings, buildModelUrl, stockKernels, autoChoice: pageAutoChoice() });
    } catch (error) {
      progress.hidden = true;
      this.#setState('idle');
      this.#status(`Could not load the digits: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The absolute, fingerprinted URL of a file of the figure pipeline's output. */
  #generatedUrl(path: string): string {
    return new URL(generatedFileUrl(this.#config.siteBase, path, this.#config.fingerprint), location.href).href;
  }

  #reset(): void {
    this.#live = false;
    this.#worker?.post({ type: 'reset' });
    this.#clearResults();
    this.#lastImages = null;
    this.#el('[data-role=live]').hidden = true;
    this.#el('[data-role=static]').hidden = false;
  }

  #onMessage(m: FromWorker): void {
    const stale = !this.#live && (m.type === 'batch' || m.type === 'epoch' || m.type === 'images' || m.type === 'strip' || m.type === 'done' || m.type === 'testing' || m.type === 'behaviour' || m.type === 'behaviour-skipped');
    if (stale) return;
    switch (m.type) {
      case 'auto':
        keepAutoChoice(m.choice);
        this.#root.dataset.autoChoice = m.choice.backend;
        this.#el('[data-role=auto]').textContent = autoChoiceText(m.choice);
        return;
      case 'backend':
        this.#el('[data-role=backend]').textContent = `TensorFlow.js backend: ${backendText(m.backend)}`;
        this.#root.dataset.backend = m.backend.name;
        this.#root.dataset.threads = String(m.backend.threads);
        this.#root.dataset.fastKernels = String(m.backend.fastKernels);
        return;
      case 'state':
        this.#setState(m.state);
        return;
      case 'batch': {
        const x = m.epoch + (m.batch + 1) / m.batchesPerEpoch;
        this.#charts.addBatch(x, m.loss, m.accuracy);
        const bar = this.#el<HTMLProgressElement>('[data-role=train-progress]');
        bar.hidden = false;
        bar.value = x / this.#settings.epochs;
        this.#status(`Epoch ${m.epoch + 1} of ${this.#settings.epochs}, batch ${m.batch + 1} of ${m.batchesPerEpoch}: loss ${m.loss.toFixed(3)}, training accuracy ${(m.accuracy * 100).toFixed(1)}%`, false);
        if ((m.batch + 1) % 4 === 0 || m.batch + 1 === m.batchesPerEpoch) this.#charts.draw();
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
      case 'done': {
        renderConfusion(this.#el<HTMLTableElement>('[data-role=confusion]'), m.confusion, m.perClass);
        this.#el('[data-role=results]').hidden = false;
        const label = BACKEND_LABELS[m.backend as keyof typeof BACKEND_LABELS] ?? m.backend;
        this.#el('[data-role=final]').textContent = `Test accuracy after training: ${(m.testAccuracy * 100).toFixed(1)}%. Trained at ${Math.round(m.samplesPerSecond).toLocaleString('en-US')} images a second on ${label}.`;
        this.#root.dataset.samplesPerSecond = m.samplesPerSecond.toFixed(1);
        this.#root.dataset.testAccuracy = String(m.testAccuracy);
        this.#worker?.post({ type: 'export' });
        return;
      }
      case 'export':
        announceRetrained(m);
        if (this.#downloadWanted) downloadModel(m);
        this.#downloadWanted = false;
        return;
      case 'testing':
        this.#testing = true;
        this.#setState(this.#state);
        this.#el('[data-role=behaviour]').textContent = 'Running the article’s tests on your network: erase, plant, move…';
        return;
      case 'behaviour-skipped':
        this.#el('[data-role=behaviour]').textContent = `The article’s tests did not start on their own: ${m.reason}. Press “Test it again” to run them.`;
        return;
      case 'behaviour':
        this.#onBehaviour({ settings: m.settings, behaviour: m.behaviour, seconds: m.seconds, backend: m.backend });
        return;
      case 'error':
        this.#testing = false;
        this.#status(`Error: ${m.message}`);
        return;
    }
  }

  #onBehaviour(run: ReaderRun): void {
    this.#testing = false;
    this.#setState(this.#state);
    this.#lastRun = run;
    addReaderRun(run);
    const id = shiftChartId();
    const where = id ? ` Your network is now on the <a href="#${id}">chart of moved digits</a> and in the erase and plant table.` : '';
    const label = BACKEND_LABELS[run.backend as keyof typeof BACKEND_LABELS] ?? run.backend;
    this.#el('[data-role=behaviour]').innerHTML =
      `The article’s tests on your network took ${run.seconds.toFixed(1)} s on ${label}: ${formatAccuracy(movedAccuracy(run.behaviour, 0))} of the test digits right as they are, ` +
      `${formatAccuracy(movedAccuracy(run.behaviour, SUMMARY_SHIFT))} moved ${SUMMARY_SHIFT} pixels, ${formatAccuracy(movedAccuracy(run.behaviour, 3))} moved 3.${where}`;
    this.#root.dataset.behaviourSeconds = run.seconds.toFixed(3);
  }

  #onEpoch(r: EpochReport): void {
    this.#charts.addEpoch(r);
    this.#charts.draw();
    const row = document.createElement('tr');
    row.innerHTML = `<th scope="row">${r.epoch + 1}</th><td>${r.loss.toFixed(3)}</td><td>${(r.accuracy * 100).toFixed(1)}%</td><td>${(r.testAccuracy * 100).toFixed(1)}%</td>`;
    this.#el('[data-role=epochs] tbody').append(row);
    this.#el('[data-role=epochs]').hidden = false;
    this.#el('[data-role=test-accuracy]').textContent = `Test accuracy after epoch ${r.epoch + 1}: ${(r.testAccuracy * 100).toFixed(1)}%`;
  }

  #onSettingsChange(): void {
    const before = this.#settings;
    this.#settings = readForm(this.#form, this.#config.browserData.train.count);
    if (before.optimizer !== this.#settings.optimizer) {
      // Each optimizer comes with its own learning rate (SGD needs a far larger one).
      this.#settings = { ...this.#settings, learningRate: OPTIMIZERS[this.#settings.optimizer].learningRate };
      writeForm(this.#form, this.#settings);
    }
    saveSettingsToUrl(this.#config.prefix, this.#settings);
    if (before.view !== this.#settings.view) this.#worker?.post({ type: 'view', view: this.#settings.view });
    if (before.display !== this.#settings.display) this.#drawImages();
  }

  #drawImages(): void {
    if (!this.#lastImages) return;
    const canvas = this.#el<HTMLCanvasElement>('[data-role=live]');
    putSheet(canvas, renderWeightSheet(this.#lastImages, this.#settings.display));
    canvas.hidden = false;
    this.#el('[data-role=static]').hidden = true;
  }

  #clearResults(): void {
    this.#charts.clear();
    this.#el('[data-role=epochs] tbody').replaceChildren();
    this.#el('[data-role=epochs]').hidden = true;
    this.#el('[data-role=results]').hidden = true;
    this.#el('[data-role=test-accuracy]').textContent = '';
    this.#el('[data-role=behaviour]').textContent = '';
    this.#testing = false;
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
    this.#button('behaviour').disabled = state !== 'done' || this.#testing;
    this.#root.dataset.state = state;
    if (state !== 'training') this.#status(STATE_TEXT[state]);
  }

  #status(text: string, announce = true): void {
    const status = this.#el('[data-role=status]');
    status.setAttribute('aria-live', announce ? 'polite' : 'off');
    status.textContent = text;
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

/** E.g. `wasm, 2 threads`, why wasm runs on one thread, or WebGPU's adapter. */
function backendText(b: BackendReport): string {
  if (b.name === 'webgpu') return `webgpu (${b.adapter ?? 'unknown adapter'})`;
  if (b.name !== 'wasm') return b.name;
  if (b.threads > 1) return `wasm, ${b.threads} threads`;
  return b.oneThreadWhy ? `wasm, 1 thread (${b.oneThreadWhy})` : 'wasm, 1 thread';
}

import { PIXELS } from '../lib/mnist-constants';
import type { Architecture } from '../experiment/networks';
import { toMnistInput } from '../lib/preprocess';
import { translateImage } from '../lib/pixel-transforms';
import { showBars, summary } from './bars';
import type { Classifier } from './classifier';
import { type SampleSheet, sampleDigit } from './examples';
import { MapsView } from './maps-view';
import { MoveControl } from './move-control';
import { arrowDirection } from './offset';
import { DrawPad } from './pad';
import { paintInput } from './render';
import { asRetrainedModel, RETRAINED_EVENT, RETRAINED_ID, type RetrainedModel } from '../widgets/contract';

/** A model of the build, as the wrapper lists it in `data-models`. */
interface BuildModel {
  id: string;
  architecture: Architecture;
  /** URL of its model.json. */
  url: string;
}

const ARCHITECTURE_WORDS: Record<Architecture, string> = { mlp: 'multi-layer network', linear: 'no hidden layers' };
/** While a stroke is under way, predict at most this often (ms). */
const LIVE_INTERVAL = 120;

type ClassifierModule = typeof import('./classifier');

/**
 * `<draw-digit>`: a drawing pad whose digit is preprocessed like MNIST, moved by the reader's
 * offset, and classified by a model of the reader's choice. The classifier module (a plain
 * TypeScript forward pass, no TensorFlow.js) and the model's weights load only when the widget
 * comes into view or is used.
 */
class DrawDigit extends HTMLElement {
  private pad: DrawPad | null = null;
  private maps: MapsView | null = null;
  private mover: MoveControl | null = null;
  private classifier: Classifier | null = null;
  private lib: Promise<ClassifierModule> | null = null;
  private retrained: RetrainedModel | null = null;
  private selected = '';
  private loadToken = 0;
  private sampleIndex = 0;
  private liveTimer: number | undefined;
  private observer: IntersectionObserver | null = null;
  private readonly onRetrained = (e: Event) => this.receive(e);

  connectedCallback(): void {
    if (!this.pad) this.setUp();
    window.addEventListener(RETRAINED_EVENT, this.onRetrained);
    this.observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.start(), { rootMargin: '200px' });
    this.observer.observe(this);
  }

  /** Once per element: swap the no-script note for the controls and wire them up. */
  private setUp(): void {
    this.find<HTMLElement>('.draw-fallback').hidden = true;
    this.find<HTMLElement>('.draw-ui').hidden = false;
    this.pad = new DrawPad(this.find('.draw-pad'), (done, at) => this.inked(done, at));
    this.maps = new MapsView(this.find('.draw-maps'));
    this.mover = new MoveControl(this.find('.draw-move'), () => this.refresh());
    this.find<HTMLButtonElement>('.draw-clear').addEventListener('click', () => this.clear());
    this.find<HTMLButtonElement>('.draw-sample').addEventListener('click', () => void this.showSample());
    const pad = this.find<HTMLCanvasElement>('.draw-pad');
    pad.addEventListener('pointerdown', () => {
      // Drawing focuses the pad, so the arrow keys move the digit just drawn.
      pad.focus({ preventScroll: true });
      this.start();
    });
    pad.addEventListener('keydown', (e) => {
      const direction = arrowDirection(e.key);
      if (!direction || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      // The arrows move the model's input, not the page.
      e.preventDefault();
      this.mover?.move(direction);
    });
    for (const radio of this.radios()) {
      radio.addEventListener('change', () => radio.checked && void this.select(radio.value));
      if (radio.checked) this.selected = radio.value;
    }
    this.dataset.state = 'idle';
    this.refresh();
  }

  disconnectedCallback(): void {
    window.removeEventListener(RETRAINED_EVENT, this.onRetrained);
    this.observer?.disconnect();
    this.loadToken++;
    this.classifier = null;
    delete this.dataset.model;
    this.dataset.state = 'idle';
  }

  private find<T extends Element>(selector: string): T {
    const el = this.querySelector<T>(selector);
    if (!el) throw new Error(`<draw-digit> is missing ${selector}`);
    return el;
  }

  private radios(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('.draw-models input[type=radio]')];
  }

  private buildModels(): BuildModel[] {
    return JSON.parse(this.dataset.models ?? '[]') as BuildModel[];
  }

  /** First sight or first use: load the classifier module and the selected model. */
  private start(): void {
    this.observer?.disconnect();
    if (!this.classifier && this.dataset.state !== 'loading') void this.select(this.selected);
  }

  private async select(id: string): Promise<void> {
    this.selected = id;
    const token = ++this.loadToken;
    this.dataset.state = 'loading';
    this.status('Loading the model…');
    try {
      this.lib ??= import('./classifier');
      const lib = await this.lib;
      const build = this.buildModels().find((m) => m.id === id);
      let next: Classifier;
      if (build) next = await lib.loadFromUrl(build.url, build.architecture);
      else if (id === RETRAINED_ID && this.retrained) next = await lib.loadFromMemory(this.retrained);
      else throw new Error(`no model "${id}"`);
      if (token !== this.loadToken) return;
      this.classifier = next;
      this.dataset.model = id;
      this.dataset.state = 'ready';
      this.refresh();
    } catch (error) {
      if (token !== this.loadToken) return;
      this.dataset.state = 'error';
      this.status(`The model could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private receive(e: Event): void {
    const model = asRetrainedModel((e as CustomEvent<unknown>).detail);
    if (!model) return;
    this.retrained = model;
    const radio = this.radios().find((r) => r.value === RETRAINED_ID);
    if (radio) {
      radio.disabled = false;
      const note = this.querySelector('.draw-retrained-note');
      if (note) note.textContent = `(${ARCHITECTURE_WORDS[model.architecture]}, just trained)`;
    }
    if (this.selected === RETRAINED_ID && this.lib) void this.select(RETRAINED_ID);
  }

  private inked(done: boolean, at: number): void {
    if (done) this.find('.draw-sample-note').textContent = '';
    if (done) {
      window.clearTimeout(this.liveTimer);
      this.liveTimer = undefined;
      this.refresh();
      this.maps?.measureFrom(at);
    } else if (this.liveTimer === undefined) {
      this.liveTimer = window.setTimeout(() => {
        this.liveTimer = undefined;
        this.refresh();
      }, LIVE_INTERVAL);
    }
  }

  private clear(): void {
    this.pad?.clear();
    this.find('.draw-sample-note').textContent = '';
    this.refresh();
  }

  /** The keyboard's way in: puts the next of the build's sample MNIST digits on the pad. */
  private async showSample(): Promise<void> {
    const sheet = JSON.parse(this.dataset.samples ?? 'null') as SampleSheet | null;
    if (!sheet || !this.pad) return;
    const index = this.sampleIndex++ % sheet.geometry.tiles;
    this.pad.paint(await sampleDigit(sheet, index));
    this.start();
    this.refresh();
    this.find('.draw-sample-note').textContent = `On the pad: a training image of a ${sheet.labels[index]}.`;
  }

  private status(text: string): void {
    this.find('.draw-status').textContent = text;
  }

  /** Preprocesses the drawing, moves it by the reader's offset and shows what the current model makes of it. */
  private refresh(): void {
    const centred = this.pad && !this.pad.isEmpty ? toMnistInput(this.pad.ink()) : null;
    const { dy, dx } = this.mover?.offset ?? { dy: 0, dx: 0 };
    this.dataset.offset = `${dy},${dx}`;
    const input = centred && translateImage(centred, dy, dx);
    paintInput(this.find('.draw-preview canvas'), input);
    const bars = [...this.querySelectorAll<HTMLElement>('.draw-bars li')];
    const model = this.classifier;
    if (this.maps) this.maps.hidden = !model;
    if (model) this.maps?.show(model.layers, input ?? new Float32Array(PIXELS));
    if (!input || !model) {
      showBars(bars, null);
      delete this.dataset.prediction;
      if (this.dataset.state !== 'loading' && this.dataset.state !== 'error') this.status(input ? 'The model is loading…' : 'Draw a digit on the pad.');
      return;
    }
    const probs = model.predict(input);
    showBars(bars, probs);
    this.dataset.prediction = String(probs.indexOf(Math.max(...probs)));
    this.status(summary(probs));
  }
}

if (!customElements.get('draw-digit')) customElements.define('draw-digit', DrawDigit);

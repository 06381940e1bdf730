import type { Architecture } from '../experiment/networks';
import type { Display } from '../lib/normalise';
import { isOptimizerName, OPTIMIZERS, type OptimizerName } from '../experiment/optimizers';

/** Which composed layer the live canvas shows. */
export type LayerView = 'output' | 'layer2' | 'layer1';

/**
 * TensorFlow.js backend for in-browser training. `auto` times the backends this browser offers
 * (WebGPU when it has an adapter, WebAssembly) on the first Train press and keeps the faster.
 */
export type BrowserBackend = 'auto' | TrainingBackend;
/** A backend that trains: what `auto` resolves to. */
export type TrainingBackend = 'wasm' | 'webgpu' | 'webgl' | 'cpu';
export const BROWSER_BACKENDS: readonly BrowserBackend[] = ['auto', 'wasm', 'webgpu', 'webgl', 'cpu'];

/** How the widget names each backend to a reader. */
export const BACKEND_LABELS: Readonly<Record<BrowserBackend, string>> = {
  auto: 'Automatic',
  wasm: 'WebAssembly',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  cpu: 'plain JavaScript',
};

/** Everything a reader can set in a retraining widget. */
export interface RetrainSettings {
  architecture: Architecture;
  trainSize: number;
  epochs: number;
  /** The update rule; the experiment's is `rmsprop-keras`. */
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  fromBuild: boolean;
  display: Display;
  view: LayerView;
  backend: BrowserBackend;
  /**
   * Which run of the experiment's seeds: 1 is the seed the article's figures come from, k the
   * (k-1)-th after it, as the pipeline numbers them. Sets the initial weights and the shuffling.
   */
  seed: number;
  /**
   * Move each training digit by up to this many rows and columns, drawn afresh each time it goes
   * into a batch (`TrainingConfig.maxShift`, as the pipeline's moved-digit network); 0 trains on
   * the digits as they are.
   */
  maxShift: number;
}

/** Covers every optimizer's own rate (`OPTIMIZERS[name].learningRate`: 0.001, and 0.1 for SGD). */
export const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1] as const;
export const BATCH_SIZES = [8, 16, 32, 64, 128, 256] as const;
export const MIN_TRAIN_SIZE = 100;
export const MAX_EPOCHS = 20;
export const MAX_SEED = 9999;
/** The largest move of training digits a reader may choose, in pixels. */
export const MAX_TRAIN_SHIFT = 3;

/**
 * What pressing Train does before a reader changes anything, per network: chosen so that it ends
 * in about 10 s or less on wasm in Chromium on a 2-core machine, at 85% test accuracy or more on
 * each of the pipeline's five seeds (`npm run bench` measures both), with output images that show
 * what the article says beside each widget: the multi-layer network's dissolving into patches,
 * the single layer's sharpening into framed templates.
 */
const WIDGET_DEFAULTS: Record<Architecture, Pick<RetrainSettings, 'trainSize' | 'epochs' | 'batchSize' | 'learningRate'>> = {
  // Seeds 1-5: 90.6, 90.1, 88.9, 87.6, 88.6% (all 10,000 in one epoch in batches of 128 gave
  // 74.8% on seed 1; batches of 32 give 91-93% but take a quarter longer).
  mlp: { trainSize: 10000, epochs: 1, batchSize: 64, learningRate: OPTIMIZERS['rmsprop-keras'].learningRate },
  // Seeds 1-5: 87.1, 87.4, 87.6, 87.0, 87.0% (2,000 images for 2 epochs at 0.001 gave 67.5%).
  linear: { trainSize: 10000, epochs: 3, batchSize: 128, learningRate: 0.003 },
};

export function defaultSettings(architecture: Architecture, maxTrain: number): RetrainSettings {
  const own = WIDGET_DEFAULTS[architecture];
  return {
    architecture,
    ...own,
    trainSize: Math.min(own.trainSize, maxTrain),
    optimizer: 'rmsprop-keras',
    fromBuild: false,
    display: 'minmax',
    view: 'output',
    backend: 'auto',
    seed: 1,
    maxShift: 0,
  };
}

const clampInt = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/** Settings with every field forced into its allowed range or set. */
export function sanitise(s: RetrainSettings, maxTrain: number): RetrainSettings {
  const nearest = <T extends number>(list: readonly T[], v: number): T =>
    list.reduce((best, x) => (Math.abs(Math.log(x / v)) < Math.abs(Math.log(best / v)) ? x : best), list[0]);
  return {
    architecture: s.architecture === 'linear' ? 'linear' : 'mlp',
    trainSize: clampInt(Number.isFinite(s.trainSize) ? s.trainSize : MIN_TRAIN_SIZE, MIN_TRAIN_SIZE, maxTrain),
    epochs: clampInt(Number.isFinite(s.epochs) ? s.epochs : 1, 1, MAX_EPOCHS),
    optimizer: isOptimizerName(s.optimizer) ? s.optimizer : 'rmsprop-keras',
    learningRate: nearest(LEARNING_RATES, s.learningRate > 0 ? s.learningRate : 0.001),
    batchSize: nearest(BATCH_SIZES, s.batchSize > 0 ? s.batchSize : 128),
    fromBuild: Boolean(s.fromBuild),
    display: s.display === 'signed' ? 'signed' : 'minmax',
    view: s.view === 'layer1' || s.view === 'layer2' ? s.view : 'output',
    backend: BROWSER_BACKENDS.includes(s.backend) ? s.backend : 'auto',
    seed: clampInt(Number.isFinite(s.seed) ? s.seed : 1, 1, MAX_SEED),
    maxShift: clampInt(Number.isFinite(s.maxShift) ? s.maxShift : 0, 0, MAX_TRAIN_SHIFT),
  };
}

const KEYS = {
  architecture: 'net',
  trainSize: 'n',
  epochs: 'epochs',
  optimizer: 'opt',
  learningRate: 'lr',
  batchSize: 'batch',
  fromBuild: 'build',
  display: 'display',
  view: 'view',
  backend: 'backend',
  seed: 'seed',
  maxShift: 'shift',
} as const satisfies Record<keyof RetrainSettings, string>;

/** Keys that earlier pages wrote, still read so their links keep working (`variant` named the network). */
const OLD_KEYS: Partial<Record<keyof RetrainSettings, string>> = { architecture: 'variant' };

/** Writes settings into URL search params under `prefix` (one widget's namespace), dropping old keys. */
export function writeSettings(params: URLSearchParams, prefix: string, s: RetrainSettings): void {
  for (const key of Object.values(OLD_KEYS)) params.delete(`${prefix}.${key}`);
  for (const [field, key] of Object.entries(KEYS) as [keyof RetrainSettings, string][]) {
    const value = s[field];
    params.set(`${prefix}.${key}`, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
}

/** Reads a widget's settings from URL params, falling back to `base` for missing fields. */
export function readSettings(params: URLSearchParams, prefix: string, base: RetrainSettings, maxTrain: number): RetrainSettings {
  const old = (field: keyof RetrainSettings) => (OLD_KEYS[field] ? params.get(`${prefix}.${OLD_KEYS[field]}`) : null);
  return parseSettings((field) => params.get(`${prefix}.${KEYS[field]}`) ?? old(field), base, maxTrain);
}

/**
 * Settings from raw text values (`get` returns null for a missing field, which then keeps its
 * `base` value; booleans are '1' or '0'), forced into range.
 */
export function parseSettings(get: (field: keyof RetrainSettings) => string | null, base: RetrainSettings, maxTrain: number): RetrainSettings {
  const num = (field: keyof RetrainSettings, fallback: number) => {
    const raw = get(field);
    return raw === null ? fallback : Number(raw);
  };
  return sanitise(
    {
      architecture: (get('architecture') as Architecture | null) ?? base.architecture,
      trainSize: num('trainSize', base.trainSize),
      epochs: num('epochs', base.epochs),
      optimizer: (get('optimizer') as OptimizerName | null) ?? base.optimizer,
      learningRate: num('learningRate', base.learningRate),
      batchSize: num('batchSize', base.batchSize),
      fromBuild: get('fromBuild') === null ? base.fromBuild : get('fromBuild') === '1',
      display: (get('display') as Display | null) ?? base.display,
      view: (get('view') as LayerView | null) ?? base.view,
      backend: (get('backend') as BrowserBackend | null) ?? base.backend,
      seed: num('seed', base.seed),
      maxShift: num('maxShift', base.maxShift),
    },
    maxTrain,
  );
}

import { parseArgs } from 'node:util';
import { type BackendName, DEFAULT_WASM_THREADS } from './backend';
import { MAX_WASM_THREADS } from './fast/threaded-wasm';
import { FULL_PROFILE, ONE_SEED_PROFILE, type Profile, QUICK_PROFILE } from './profiles';

/** One command-line option of `npm run figures`, with the words `--help` shows for it. */
interface OptionSpec {
  type: 'boolean' | 'string';
  /** The value's placeholder in the usage, for string options. */
  value?: string;
  help: string;
}

/** Every option of `npm run figures`, in the order `--help` lists them. */
export const FIGURES_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  force: { type: 'boolean', help: 'retrain from scratch even if the figures are up to date' },
  'one-seed': {
    type: 'boolean',
    help:
      'one seed per variant instead of 3-5: the same figures in about a third of the time, for an author who ' +
      'wants to see them sooner. It replaces the full figures in public/generated/ (the page then says its ' +
      'comparisons were checked on one seed only), and the next `npm run build` retrains the full set',
  },
  quick: { type: 'boolean', help: 'the reduced test configuration (1 epoch, few images, two seeds); needs --out' },
  out: { type: 'string', value: 'DIR', help: 'write to DIR instead of public/generated/' },
  backend: { type: 'string', value: 'NAME', help: 'force a TensorFlow.js backend: tensorflow (tfjs-node), wasm or cpu' },
  threads: {
    type: 'string',
    value: 'N',
    help: `wasm backend threads, shared among the jobs (1 to ${MAX_WASM_THREADS}; default: one per core, at most 4: ${DEFAULT_WASM_THREADS} here)`,
  },
  jobs: { type: 'string', value: 'N', help: 'training runs at once, each in a worker thread (1 to 8; default: 2 on two or more cores)' },
  help: { type: 'boolean', help: 'print this help' },
};

/** What `npm run figures -- --help` prints. */
export function figuresUsage(): string {
  const flag = (name: string, spec: OptionSpec) => `--${name}${spec.value ? ` ${spec.value}` : ''}`;
  const width = Math.max(...Object.entries(FIGURES_OPTIONS).map(([name, spec]) => flag(name, spec).length));
  const lines = Object.entries(FIGURES_OPTIONS).flatMap(([name, spec]) =>
    wrap(spec.help, USAGE_COLUMNS - width - 4).map((line, i) => `  ${(i === 0 ? flag(name, spec) : '').padEnd(width)}  ${line}`),
  );
  const runs = FULL_PROFILE.variants.reduce((n, v) => n + v.seeds, 0);
  return [
    'Usage: npm run figures -- [options]',
    '',
    ...wrap(
      `Trains the article's models (${runs} training runs: the experiment's variants and the optimizer study, ` +
        'several seeds each) and writes the figures, models and manifest to public/generated/. Reuses the last ' +
        'output when nothing changed (seconds); a first run takes about 8-9 minutes on two cores.',
      USAGE_COLUMNS,
    ),
    '',
    'Options:',
    ...lines,
  ].join('\n');
}

const USAGE_COLUMNS = 100;

/** `text` in lines of at most `columns` characters, broken between words. */
function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** The parsed command line: a request for help, or what to run. */
export type FiguresArgs =
  | { help: true }
  | { help: false; profile: Profile; outDir?: string; force: boolean; backend?: BackendName; wasmThreads?: number; jobs?: number };

/** Parses `npm run figures` arguments; throws a message naming the bad option and `--help`. */
export function parseFiguresArgs(args: readonly string[]): FiguresArgs {
  const options = Object.fromEntries(Object.entries(FIGURES_OPTIONS).map(([name, spec]) => [name, { type: spec.type }]));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }));
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new Error(`${text.split('. ')[0]}; npm run figures -- --help lists the options`);
  }
  if (values.help) return { help: true };
  if (values.quick && values['one-seed']) throw new Error('--quick and --one-seed are two different configurations: pick one');
  const backend = values.backend as BackendName | undefined;
  if (backend && !['tensorflow', 'wasm', 'cpu'].includes(backend)) {
    throw new Error(`--backend must be tensorflow, wasm or cpu, not "${backend}"`);
  }
  return {
    help: false,
    profile: values.quick ? QUICK_PROFILE : values['one-seed'] ? ONE_SEED_PROFILE : FULL_PROFILE,
    outDir: values.out as string | undefined,
    force: Boolean(values.force),
    backend,
    wasmThreads: wholeNumber(values.threads, '--threads', MAX_WASM_THREADS),
    jobs: wholeNumber(values.jobs, '--jobs', 8),
  };
}

function wholeNumber(value: string | boolean | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1 && n <= max)) throw new Error(`${flag} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumPath, WEBGPU_CHROMIUM_ARGS } from './browser/chromium';
import { retrainWidgetSelector, trainUntilDone, waitForControls } from './browser/retrain-widget';
import { serveStatic, type StaticServer } from './browser/static-server';
import { benchResponsiveness } from './bench/responsiveness';
import { benchReaderRuns, readerBenchTable } from './bench/reader-tests';
import { benchWidgetDefaults } from './bench/widget-defaults';
import { textTable } from './text-table';

const ROOT = resolve(import.meta.dirname, '..');

const OTHER_BACKENDS = ['webgpu', 'webgl', 'cpu'] as const;

/** Node's mlp-60k training throughput on wasm, samples/s, from the same `npm run bench` run. */
export interface NodeMlpThroughput {
  /** One thread, stock kernels. */
  stock?: number;
  /** One thread, fast kernels. */
  fastSingle?: number;
  /** The pipeline's threads, fast kernels. */
  fastThreaded?: number;
  threads?: number;
}

interface Run {
  architecture: 'mlp' | 'linear';
  images: number;
  backend: string;
  stockKernels: boolean;
  isolated: boolean;
}

interface Result {
  backend: string;
  /** What "automatic" said about its choice, when it chose. */
  auto: string | null;
  threads: number;
  fastKernels: boolean;
  samplesPerSecond: number;
}

/**
 * In-browser training throughput: drives the built site's retraining widget in headless
 * Chromium and reads the samples per second the worker measured over its training steps. The
 * multi-layer network on wasm runs four ways: stock or fast kernels, served with the
 * cross-origin isolation headers (threaded build) or without (one thread); then other backends.
 * With `node`, the MLP rows are printed beside Node's.
 */
export async function benchBrowser({ quick, node }: { quick: boolean; node?: NodeMlpThroughput }): Promise<string> {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` before the browser benchmark');
  const mlpImages = quick ? 512 : 2048;
  const isolated = await serveStatic(dist, { crossOriginIsolated: true });
  const plain = await serveStatic(dist, { crossOriginIsolated: false });
  // WebGPU on: its rows run in the same browser as wasm's (here on SwiftShader, a software adapter).
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: WEBGPU_CHROMIUM_ARGS });
  const out: string[] = [];
  try {
    const measure = (run: Run) => trainOnce(browser, run.isolated ? isolated : plain, run);
    const mlp = (stockKernels: boolean, threaded: boolean) =>
      measure({ architecture: 'mlp', images: mlpImages, backend: 'wasm', stockKernels, isolated: threaded });
    const ways = [
      { label: 'stock kernels, 1 thread', node: node?.stock, result: await mlp(true, false) },
      { label: 'fast kernels, 1 thread', node: node?.fastSingle, result: await mlp(false, false) },
      { label: 'stock kernels, threaded', node: undefined, result: await mlp(true, true) },
      { label: 'fast kernels, threaded', node: node?.fastThreaded, result: await mlp(false, true) },
    ];
    out.push(`Multi-layer network (784-512-256-10), ${mlpImages} images, batch 128, wasm: Chromium beside Node, samples/s\n`);
    out.push(
      textTable(
        ['way', 'Chromium threads', 'Chromium', 'Node', 'Chromium / Node'],
        ways.map((w) => [
          w.label,
          String(w.result.threads),
          w.result.backend === 'wasm' ? w.result.samplesPerSecond : `ran ${w.result.backend}`,
          w.node ?? '-',
          w.node ? `${(w.result.samplesPerSecond / w.node).toFixed(2)}` : '-',
        ]),
      ),
    );
    if (node?.threads) out.push(`(Node threaded: ${node.threads} threads; the browser's stock/fast rows keep the widget's optimizer, rmsprop-keras.)`);
    const rows: (string | number)[][] = [];
    const linear = await measure({ architecture: 'linear', images: quick ? 2048 : 10000, backend: 'wasm', stockKernels: false, isolated: true });
    rows.push(['wasm (fast, threaded)', 'linear', quick ? 2048 : 10000, linear.samplesPerSecond]);
    for (const backend of OTHER_BACKENDS) {
      // WebGPU here is a software adapter at about a hundred MLP images a second: fewer images.
      const mlpRows = backend === 'webgpu' ? (quick ? 128 : 512) : quick ? 256 : 1024;
      const linearRows = backend === 'webgpu' ? (quick ? 512 : 2048) : quick ? 2048 : 10000;
      for (const [architecture, images] of [['mlp', mlpRows], ['linear', linearRows]] as const) {
        const r = await measure({ architecture, images, backend, stockKernels: false, isolated: true });
        rows.push([backend, architecture, images, r.backend === backend ? r.samplesPerSecond : `unavailable (ran ${r.backend})`]);
      }
    }
    out.push('\nOther networks and backends in Chromium, samples/s\n');
    out.push(textTable(['backend', 'network', 'images', 'samples/s'], rows));
    const auto = await measure({ architecture: 'mlp', images: mlpImages, backend: 'auto', stockKernels: false, isolated: true });
    out.push(`\nAutomatic, multi-layer network: ${auto.auto ?? `chose ${auto.backend}`}`);
    out.push(`\nEach retraining widget's defaults as a reader gets them (Train pressed in a fresh page)\n`);
    out.push(await benchWidgetDefaults(browser, isolated, quick ? 1 : 5));
    out.push(`\nThe reader's network through the article's tests: the multi-layer widget's defaults, training digits moved 0 or 2 px, wasm; the issue's bar is 3 s of tests at 2 px and about 12 s in all\n`);
    out.push(readerBenchTable(await benchReaderRuns(browser, isolated, quick ? [1] : [1, 2, 3], [0, 2], 'wasm')));
    out.push('\nHow quickly the page answers while it works (aim: under 100 ms)\n');
    out.push(await benchResponsiveness(browser, isolated));
  } finally {
    await browser.close();
    await isolated.close();
    await plain.close();
  }
  return out.join('\n');
}

async function trainOnce(browser: Browser, server: StaticServer, run: Run): Promise<Result> {
  const page = await browser.newPage();
  try {
    const params = new URLSearchParams({
      'mlp.net': run.architecture,
      'mlp.n': String(run.images),
      'mlp.epochs': '1',
      'mlp.batch': '128',
      'mlp.backend': run.backend,
      ...(run.stockKernels ? { kernels: 'stock' } : {}),
    });
    await page.goto(`${server.url}?${params}`);
    return await readResult(page);
  } finally {
    await page.close();
  }
}

async function readResult(page: Page): Promise<Result> {
  const widget = page.locator(retrainWidgetSelector('mlp'));
  await waitForControls(widget);
  await trainUntilDone(widget, 600_000);
  return {
    backend: (await widget.getAttribute('data-backend')) ?? 'unknown',
    auto: await widget.locator('[data-role=auto]').textContent(),
    threads: Number(await widget.getAttribute('data-threads')),
    fastKernels: (await widget.getAttribute('data-fast-kernels')) === 'true',
    samplesPerSecond: Number(await widget.getAttribute('data-samples-per-second')),
  };
}

export default benchBrowser;

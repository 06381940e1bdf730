import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { chromiumPath, WEBGPU_CHROMIUM_ARGS } from '../browser/chromium';
import { lastReaderRun, retrainWidgetSelector, trainUntilDone, waitForControls } from '../browser/retrain-widget';
import { serveStatic, type StaticServer } from '../browser/static-server';
import { formatAccuracy } from '../../src/present/format';
import { movedAccuracy } from '../../src/present/shift-chart';
import type { BehaviourEntry } from '../../src/lib/manifest';
import { textTable } from '../text-table';

/** One reader's run: the multi-layer widget's defaults at a seed and a move of the training digits. */
export interface ReaderBenchRow {
  seed: number;
  trainSize: number;
  maxShift: number;
  backend: string;
  /** From pressing Train to the state `done` (digits and worker included). */
  trainSeconds: number;
  /** The behaviour tests in the worker, as it timed them. */
  testSeconds: number;
  /** From pressing Train to the tests' results on the page. */
  totalSeconds: number;
  behaviour: BehaviourEntry;
}

/**
 * Presses Train in the multi-layer widget at its defaults with the given seeds, moves and backend,
 * each in a fresh page, and reads how long training and the article's tests took and what they gave.
 */
export async function benchReaderRuns(browser: Browser, server: StaticServer, seeds: number[], shifts: number[], backend = 'auto', trainSize?: number): Promise<ReaderBenchRow[]> {
  const rows: ReaderBenchRow[] = [];
  for (const seed of seeds) {
    for (const maxShift of shifts) {
      const page = await browser.newPage();
      try {
        const size = trainSize ? `&mlp.n=${trainSize}` : '';
        await page.goto(`${server.url}?mlp.seed=${seed}&mlp.shift=${maxShift}&mlp.backend=${backend}${size}`, { timeout: 120_000 });
        const sel = retrainWidgetSelector('mlp');
        const widget = page.locator(sel);
        await waitForControls(widget);
        const started = Date.now();
        await trainUntilDone(widget, 900_000);
        const trainSeconds = (Date.now() - started) / 1000;
        await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)?.dataset.behaviourSeconds !== undefined, sel, { timeout: 900_000 });
        const totalSeconds = (Date.now() - started) / 1000;
        const run = await lastReaderRun(widget);
        if (!run) throw new Error(`seed ${seed}, ${maxShift} px: the widget reported no tests`);
        rows.push({ seed, trainSize: trainSize ?? Number(await widget.locator('input[name=trainSize]').inputValue()), maxShift, backend: (await widget.getAttribute('data-backend')) ?? '?', trainSeconds, testSeconds: run.seconds, totalSeconds, behaviour: run.behaviour });
      } finally {
        await page.close();
      }
    }
  }
  return rows;
}

/** The rows as a table: accuracy unmoved and at 2 and 3 px (mean of the four moves), and the times. */
export function readerBenchTable(rows: readonly ReaderBenchRow[]): string {
  return textTable(
    ['seed', 'images', 'moved in training', 'backend', 'unmoved', '±2 px', '±3 px', 'train s', 'tests s', 'train + tests s'],
    rows.map((r) => [
      String(r.seed),
      String(r.trainSize),
      `${r.maxShift} px`,
      r.backend,
      formatAccuracy(movedAccuracy(r.behaviour, 0)),
      formatAccuracy(movedAccuracy(r.behaviour, 2)),
      formatAccuracy(movedAccuracy(r.behaviour, 3)),
      r.trainSeconds.toFixed(1),
      r.testSeconds.toFixed(2),
      r.totalSeconds.toFixed(1),
    ]),
  );
}

/**
 * `npx tsx scripts/bench/reader-tests.ts [--webgpu]`: this part alone, on the built site in `dist/`;
 * seeds 1-3 at 0 and 2 px on wasm (with `--webgpu`, seed 1 at 2 px on WebGPU as well, trained on
 * 1,000 images: the software adapter here trains about a hundred images a second, and the tests'
 * time does not depend on how long the network trained).
 */
async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const server = await serveStatic(dist, { crossOriginIsolated: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: WEBGPU_CHROMIUM_ARGS });
  try {
    const out = [`The reader's network through the article's tests (multi-layer widget, defaults; ${availableParallelism()} cores)\n`];
    out.push(readerBenchTable(await benchReaderRuns(browser, server, [1, 2, 3], [0, 2], 'wasm')));
    if (process.argv.includes('--webgpu')) out.push(`\nWebGPU\n\n${readerBenchTable(await benchReaderRuns(browser, server, [1], [2], 'webgpu', 1000))}`);
    console.log(out.join('\n'));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

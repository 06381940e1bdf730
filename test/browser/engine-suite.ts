/**
 * The core of the browser tests, for the engines besides Chromium: the page loads clean, fits a
 * phone, its draw widget and tile viewer work, and both retraining widgets train with their
 * defaults, pause, hand their model to the draw widget, download it and train again.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineName, type EnginePage, openEngine, waitFor } from './engine-driver';
import { ROOT } from './harness';
import { loadImagesInPage } from './page-scripts';
import { retrainWidgetSelector, trainingSettled } from '../../scripts/browser/retrain-widget';
import { serveStatic, type StaticServer } from '../../scripts/browser/static-server';

/** How long a Train press may stay in "Preparing the model…" before it counts as stalled. */
const STALL_MS = 120_000;
/**
 * Firefox under WebDriver BiDi automation sometimes never leaves "Preparing the model…" when the
 * worker starts its pool of threads (plain headless Firefox trains every time): it gets this many
 * tries, each on a freshly loaded page, and each stall is logged. WebKit gets one.
 */
const TRIES: Record<EngineName, number> = { firefox: 3, webkit: 1 };

/** What a widget reported after training with its defaults, for the log. */
interface Trained {
  accuracy: number;
  rate: number;
  backend: string;
  auto: string;
}

/**
 * Scrolls to each widget in turn (they start when they come into view) and waits until it is
 * ready: a retraining widget's controls enabled, the draw widget's model loaded. Throws naming
 * the widget that is not ready within 40 s.
 */
async function wakeWidgets(): Promise<void> {
  const ready = (el: Element) => (el.matches('draw-digit') ? el.getAttribute('data-state') === 'ready' : el.querySelector('fieldset')?.disabled === false);
  for (const el of document.querySelectorAll('retrain-widget, draw-digit')) {
    el.scrollIntoView({ block: 'center' });
    const deadline = performance.now() + 40_000;
    while (!ready(el)) {
      if (performance.now() > deadline) throw new Error(`${el.tagName.toLowerCase()}#${el.id} not ready within 40 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Clicks the first element matching `selector` (inside `within`, if given) as a script can. */
function click(selector: string, within?: string): boolean {
  const root = within ? document.querySelector(within) : document;
  const el = root?.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${within ?? ''} ${selector}`);
  el.scrollIntoView({ block: 'center' });
  el.click();
  return true;
}

/** A widget's state and status line, by its selector. */
function widgetState(selector: string): { state: string; status: string } {
  const el = document.querySelector<HTMLElement>(selector);
  return { state: el?.dataset.state ?? '', status: el?.querySelector('[data-role=status]')?.textContent ?? '' };
}

export function engineSuite(engine: EngineName): void {
  let page: EnginePage;
  let server: StaticServer;
  const cspReports: string[] = [];
  const log = (text: string) => console.log(`${engine} (${page.version}): ${text}`);

  beforeAll(async () => {
    server = await serveStatic(join(ROOT, 'dist'), { headersFile: join(ROOT, 'dist/_headers'), onCspReport: (r) => cspReports.push(r) });
    page = await openEngine(engine);
  }, 120_000);
  afterAll(async () => {
    await page?.close();
    await server?.close();
  });

  /** Loads the article at the given viewport and waits until both retraining widgets and the draw widget are ready. */
  async function load(width = 1280, height = 900): Promise<void> {
    await page.setViewport(width, height);
    await open(server.url);
  }

  /** Loads `url` at the current viewport and waits until the widgets are ready. */
  async function open(url: string): Promise<void> {
    await page.goto(url);
    await page.run(wakeWidgets);
    await page.run(() => scrollTo(0, 0));
  }

  /**
   * Presses Train and waits for training to start, retrying where the engine may stall (see
   * TRIES) on the page loaded again from its current URL, which keeps the settings entered.
   */
  async function startTraining(id: string): Promise<void> {
    const widget = retrainWidgetSelector(id);
    for (let attempt = 1; ; attempt++) {
      await page.run(click, 'button[data-action=train]', widget);
      try {
        await waitFor(page, `${id} leaving "Preparing the model…"`, STALL_MS, (w) => !['idle', 'loading'].includes(document.querySelector<HTMLElement>(w)?.dataset.state ?? ''), widget);
        return;
      } catch (error) {
        const { state, status } = await page.run(widgetState, widget);
        if (attempt >= TRIES[engine] || state !== 'loading') throw new Error(`${id} did not start training: ${state}, "${status}"`, { cause: error });
        log(`${id} stalled in "${status}" for ${STALL_MS / 1000} s (try ${attempt} of ${TRIES[engine]}; Firefox under BiDi automation does this): reloading the page`);
        await open(await page.run(() => location.href));
      }
    }
  }

  describe(`in ${engine}`, () => {
    it('loads at 360 px with no error and no policy violation, every image loaded and no sideways scroll', async () => {
      await load(360, 740);
      log(`cross-origin isolated: ${await page.run(() => crossOriginIsolated)}, SharedArrayBuffer: ${await page.run(() => typeof SharedArrayBuffer !== 'undefined')}`);
      const images = await page.run(loadImagesInPage);
      expect(images.count).toBeGreaterThan(10);
      expect(images.broken).toEqual([]);
      const [width, scroll, client] = await page.run(() => [innerWidth, document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      // MiniBrowser's window has a minimum width (447 px with WebKitGTK 2.50's toolbar): WebKit
      // gets the narrowest it allows, and the log says which.
      if (width !== 360) log(`the narrowest viewport this window allows is ${width} px`);
      expect(width).toBeLessThanOrEqual(engine === 'webkit' ? 460 : 360);
      expect(scroll).toBeLessThanOrEqual(client);
      expect(await page.errors()).toEqual([]);
      expect(cspReports).toEqual([]);
    });

    it('reads an MNIST digit with the draw widget, and moves it', async () => {
      await load();
      await page.run(click, '.draw-sample', 'draw-digit');
      const read = await waitFor(page, 'a prediction of the sample', 20_000, () => {
        const w = document.querySelector<HTMLElement>('draw-digit');
        const note = w?.querySelector('.draw-sample-note')?.textContent ?? '';
        return w?.dataset.prediction && note ? { prediction: w.dataset.prediction, note } : null;
      });
      expect(read.prediction).toMatch(/^\d$/);
      expect(read.note).toMatch(/a training image of a \d/);
      await page.run(click, 'button[data-move="Up"]', 'draw-digit');
      await page.run(click, 'button[data-move="Right"]', 'draw-digit');
      await waitFor(page, 'the offset -1,1', 10_000, () => document.querySelector<HTMLElement>('draw-digit')?.dataset.offset === '-1,1');
      expect(await page.errors()).toEqual([]);
    });

    it('opens the tile viewer on a node and shows its top digits', async () => {
      await load();
      await page.run(click, '.zoom-open');
      const shown = await waitFor(page, 'the tile viewer', 20_000, () => {
        const dialog = document.querySelector<HTMLDialogElement>('tile-zoom dialog[open]');
        const images = [...(dialog?.querySelectorAll<HTMLImageElement>('.zoom-top-list img') ?? [])];
        return images.length > 0 && images.every((i) => i.complete && i.naturalWidth > 0) ? images.length : 0;
      });
      expect(shown).toBeGreaterThan(0);
      await page.run(() => document.querySelector<HTMLDialogElement>('tile-zoom dialog[open]')?.close());
    });

    for (const id of ['mlp', 'linear']) {
      it(`trains the ${id} widget with its defaults, pauses, hands the model to the draw widget, downloads it and trains again`, { timeout: 900_000 }, async () => {
        const widget = retrainWidgetSelector(id);
        await load();
        await startTraining(id);
        await page.run(click, 'button[data-action=pause]', widget);
        await waitFor(page, `${id} pausing`, 30_000, (w) => document.querySelector<HTMLElement>(w)?.dataset.state === 'paused', widget);
        expect((await page.run(widgetState, widget)).status).toBe('Paused.');
        await page.run(click, 'button[data-action=pause]', widget);
        await waitFor(page, `${id} done`, 600_000, trainingSettled, widget);
        const trained = await page.run((w): Trained & { status: string } => {
          const s = document.querySelector<HTMLElement>(w);
          return {
            accuracy: Number(s?.dataset.testAccuracy),
            rate: Number(s?.dataset.samplesPerSecond),
            backend: s?.querySelector('[data-role=backend]')?.textContent ?? '',
            auto: s?.querySelector('[data-role=auto]')?.textContent ?? '',
            status: s?.querySelector('[data-role=status]')?.textContent ?? '',
          };
        }, widget);
        log(`${id}: ${(trained.accuracy * 100).toFixed(1)}% at ${Math.round(trained.rate)} images/s; ${trained.backend}; ${trained.auto}`);
        expect(trained.status).toBe('Finished.');
        expect(trained.accuracy).toBeGreaterThan(0.85);
        expect(trained.backend).toMatch(/^TensorFlow\.js backend: \w+/);

        // Here, not before training: a stalled Train press reloads the page, which would drop it.
        await page.run(() => {
          // Records the files a download would save instead of saving them.
          const w = window as unknown as { saved?: string[] };
          w.saved = [];
          HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
            if (this.download) w.saved?.push(this.download);
          };
        });
        await page.run(click, 'button[data-action=download]', widget);
        const saved = await waitFor(page, `${id}'s download`, 30_000, () => {
          const s = (window as unknown as { saved?: string[] }).saved ?? [];
          return s.length >= 2 ? s : null;
        });
        expect(saved).toEqual([`mnist-${id}-retrained.json`, `mnist-${id}-retrained.weights.bin`]);

        await page.run(click, 'input[value="retrained"]', 'draw-digit');
        await waitFor(page, 'the draw widget loading the retrained model', 20_000, () => !!document.querySelector('draw-digit[data-model="retrained"][data-state="ready"]'));
        await page.run(click, '.draw-sample', 'draw-digit');
        await waitFor(page, "the retrained model's prediction", 20_000, () => /^\d$/.test(document.querySelector<HTMLElement>('draw-digit')?.dataset.prediction ?? ''));

        // Again, briefly: the smallest training set, one epoch.
        await page.run((w) => {
          const form = document.querySelector(w);
          const size = form?.querySelector<HTMLInputElement>('input[name=trainSize]');
          const epochs = form?.querySelector<HTMLInputElement>('input[name=epochs]');
          if (!size || !epochs) throw new Error('no training controls');
          size.value = size.min;
          epochs.value = '1';
          epochs.dispatchEvent(new Event('change', { bubbles: true }));
        }, widget);
        await startTraining(id);
        await waitFor(page, `${id} done again`, 300_000, trainingSettled, widget);
        expect(await page.run(widgetState, widget)).toEqual({ state: 'done', status: 'Finished.' });
        expect(await page.errors()).toEqual([]);
        expect(cspReports).toEqual([]);
      });
    }
  });
}

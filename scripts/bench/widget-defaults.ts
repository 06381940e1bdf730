import type { Browser } from 'playwright-core';
import { retrainWidgetSelector, trainUntilDone, waitForControls } from '../browser/retrain-widget';
import type { StaticServer } from '../browser/static-server';
import { textTable } from '../text-table';

/** The retraining widgets of the article, by their id on the page. */
const WIDGETS = ['mlp', 'linear'] as const;

/**
 * Presses Train in each retraining widget with its default settings (only the seed set), as a
 * reader would, on seeds 1 to `seeds`, each in a fresh page: the test accuracy it ends at and
 * the seconds from the press to the end (digits and worker included). The defaults' bar: about
 * 10 s or less, and at least 85% on each of the first five seeds.
 */
export async function benchWidgetDefaults(browser: Browser, server: StaticServer, seeds: number): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const id of WIDGETS) {
    for (let seed = 1; seed <= seeds; seed++) {
      const page = await browser.newPage();
      try {
        await page.goto(`${server.url}?${id}.seed=${seed}`, { timeout: 120_000 });
        const widget = page.locator(retrainWidgetSelector(id));
        await waitForControls(widget);
        const settings = await widget.evaluate((w) => {
          const f = new FormData(w.querySelector('form') as HTMLFormElement);
          return `${f.get('trainSize')} images, ${f.get('epochs')} epochs, batch ${f.get('batchSize')}, lr ${f.get('learningRate')}, ${f.get('optimizer')}`;
        });
        const started = Date.now();
        await trainUntilDone(widget, 600_000);
        const seconds = (Date.now() - started) / 1000;
        const accuracy = Number(await widget.getAttribute('data-test-accuracy'));
        rows.push([id, settings, String(seed), `${(accuracy * 100).toFixed(1)}%`, seconds.toFixed(1), (await widget.getAttribute('data-backend')) ?? '?']);
      } finally {
        await page.close();
      }
    }
  }
  return textTable(['widget', 'defaults', 'seed', 'test accuracy', 'seconds to done', 'backend'], rows);
}

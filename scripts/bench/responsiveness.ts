import type { Browser } from 'playwright-core';
import { recordedMeasures, recordMeasures } from '../browser/page-measures';
import { retrainWidgetSelector, waitForControls } from '../browser/retrain-widget';
import type { StaticServer } from '../browser/static-server';
import { textTable } from '../text-table';
import { STROKE_TO_MAPS } from '../../src/widgets/contract';

/** Strokes drawn on the draw widget's pad, in fractions of its side: [x0, y0, x1, y1]. */
const STROKES = [
  [0.5, 0.2, 0.5, 0.8],
  [0.3, 0.3, 0.7, 0.3],
  [0.3, 0.7, 0.7, 0.7],
  [0.35, 0.25, 0.65, 0.75],
] as const;

/**
 * How quickly the page answers the reader while it works, each in a fresh page: the delay before
 * the page handles a click on Pause while the no-hidden-layer widget trains (batch 16, so the
 * worker posts often), and the time from each stroke's end on the draw widget's pad to the frame
 * that shows its maps (the widget's own `draw:stroke-to-maps` measure). The aim: under 100 ms.
 */
export async function benchResponsiveness(browser: Browser, server: StaticServer): Promise<string> {
  const rows = [['click on Pause during training', (await clickDelay(browser, server)).toFixed(1)]];
  for (const [i, t] of (await strokeTimes(browser, server)).entries()) rows.push([`stroke ${i + 1} end to its maps`, t.toFixed(1)]);
  return textTable(['what', 'ms'], rows);
}

async function clickDelay(browser: Browser, server: StaticServer): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}?linear.n=10000&linear.epochs=5&linear.batch=16`);
    const widget = page.locator(retrainWidgetSelector('linear'));
    await waitForControls(widget);
    await widget.locator('button[data-action=train]').click();
    await page.waitForFunction((el) => el?.getAttribute('data-state') === 'training', await widget.elementHandle(), { timeout: 120_000 });
    await page.waitForTimeout(1000);
    const pause = widget.locator('button[data-action=pause]');
    const delay = pause.evaluate(
      (button) => new Promise<number>((done) => button.addEventListener('click', (e) => done(performance.now() - e.timeStamp), { once: true })),
    );
    await pause.click();
    return await delay;
  } finally {
    await page.close();
  }
}

async function strokeTimes(browser: Browser, server: StaticServer): Promise<number[]> {
  const page = await browser.newPage();
  try {
    await page.goto(server.url);
    const pad = page.locator('draw-digit .draw-pad');
    await pad.scrollIntoViewIfNeeded();
    await page.evaluate(recordMeasures, STROKE_TO_MAPS);
    const box = await pad.boundingBox();
    if (!box) throw new Error('the draw widget has no pad on the page');
    for (const [k, [x0, y0, x1, y1]] of STROKES.entries()) {
      await page.mouse.move(box.x + x0 * box.width, box.y + y0 * box.height);
      await page.mouse.down();
      await page.mouse.move(box.x + x1 * box.width, box.y + y1 * box.height, { steps: 12 });
      await page.mouse.up();
      await page.waitForFunction(recordedMeasures, k + 1, { timeout: 60_000 });
    }
    return (await page.evaluate(recordedMeasures, 0)) ?? [];
  } finally {
    await page.close();
  }
}

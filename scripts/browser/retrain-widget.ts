/**
 * Driving a retraining widget of the built page through its own controls, as a reader would:
 * shared by the browser tests and the browser benchmarks.
 */
import type { Locator } from 'playwright-core';
import type { BehaviourEntry } from '../../src/lib/manifest';

/** A retraining widget on the article, by its id (`mlp` or `linear`). */
export function retrainWidgetSelector(id: string): string {
  return `retrain-widget#retrain-${id}`;
}

/** Settings typed into the widget's form; the rest keep their values. `'min'` is the smallest training set it allows. */
export interface TrainingInputs {
  backend?: string;
  trainSize?: number | 'min';
  epochs?: number;
  batchSize?: number;
}

/** Scrolls `widget` into view and waits until its controller has loaded and enabled the controls. */
export async function waitForControls(widget: Locator, timeout = 60_000): Promise<void> {
  await widget.scrollIntoViewIfNeeded();
  await widget.page().waitForFunction((el) => el?.querySelector('fieldset')?.disabled === false, await widget.elementHandle(), { timeout });
}

/** Types `inputs` into the widget's form and lets it read them (a change event, as leaving a field sends). */
export async function enterSettings(widget: Locator, inputs: TrainingInputs): Promise<void> {
  if (inputs.backend !== undefined) await widget.locator('select[name=backend]').selectOption(inputs.backend);
  const trainSize = widget.locator('input[name=trainSize]');
  if (inputs.trainSize === 'min') await trainSize.fill(String(await trainSize.getAttribute('min')));
  else if (inputs.trainSize !== undefined) await trainSize.fill(String(inputs.trainSize));
  if (inputs.epochs !== undefined) await widget.locator('input[name=epochs]').fill(String(inputs.epochs));
  if (inputs.batchSize !== undefined) await widget.locator('select[name=batchSize]').selectOption(String(inputs.batchSize));
  await widget.locator('input[name=epochs]').dispatchEvent('change', { bubbles: true });
}

/**
 * In the page, for any driver: whether a retraining widget (the element, or a selector for it) has
 * settled after a Train press, done or with a failure on its status line.
 */
export function trainingSettled(widget: Element | string | null): boolean {
  const el = typeof widget === 'string' ? document.querySelector(widget) : widget;
  return el?.getAttribute('data-state') === 'done' || /failed|Error/.test(el?.querySelector('[data-role=status]')?.textContent ?? '');
}

/**
 * Presses Train and waits until the widget says training is done. Stops early, with the status
 * line in the error, when that line reports a failure.
 */
export async function trainUntilDone(widget: Locator, timeout = 180_000): Promise<void> {
  await widget.locator('button[data-action=train]').click();
  await widget.page().waitForFunction(trainingSettled, await widget.elementHandle(), { timeout });
  if ((await widget.getAttribute('data-state')) !== 'done') {
    throw new Error(`training did not finish: ${await widget.locator('[data-role=status]').textContent()}`);
  }
}

/** A reader's network put through the article's tests, as the widget's `lastRun()` gives it (the parts read here). */
export interface WidgetRun {
  settings: { maxShift: number; seed: number };
  behaviour: BehaviourEntry;
  /** How long the tests took in the worker, in seconds. */
  seconds: number;
}

/** The widget's last network put through the article's tests (its element's `lastRun()`), or null before any. */
export async function lastReaderRun(widget: Locator): Promise<WidgetRun | null> {
  return widget.evaluate(async (w) => (w as HTMLElement & { lastRun(): Promise<WidgetRun | null> }).lastRun());
}

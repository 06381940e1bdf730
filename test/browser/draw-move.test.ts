/**
 * Moving the draw widget's input: by mouse at 1280 px for every model (the build's three and one
 * handed over by the retrained event), by keyboard alone, and by touch on a 360 px phone. What
 * the widget shows is compared with the same pure functions recomputed here from the pad's ink.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contributionScale, mapSums, pictureScale } from '../../src/draw/render';
import { type DenseNet, parseDenseNet, predictDense } from '../../src/lib/dense-net';
import { contributionMaps, effectiveMap } from '../../src/lib/effective-map';
import { PIXELS } from '../../src/lib/mnist-constants';
import { tileColors } from '../../src/lib/normalise';
import { toMnistInput } from '../../src/lib/preprocess';
import { translateImage } from '../../src/lib/pixel-transforms';
import { DIGITS } from './digits';
import { buildModels, draw, expectOffset, fetchModel, mapPixels, mapScores, padInk, preview, probabilities, selectModel } from './draw-widget';
import { connectBrowser, disconnectBrowser, type OpenedPage, openPage, ROOT } from './harness';

const SHOTS = resolve(ROOT, 'test-output/draw');
/** The stand-in for a retrained model: the build's 60k network with every weight scaled by this. */
const RETRAINED_SCALE = 0.9;

/** What the widget must show for one model, one drawing and one offset. */
interface Expected {
  /** The preview's gray levels, 0-255. */
  preview: number[];
  probabilities: number[];
  scores: number[];
  /** RGB of the ten maps [10, 784, 3] in each view. */
  contributions: Uint8ClampedArray;
  pictures: Uint8ClampedArray;
}

function expected(net: DenseNet, centred: Float32Array, dy: number, dx: number): Expected {
  const input = translateImage(centred, dy, dx);
  const map = effectiveMap(net.layers, input);
  const shares = contributionMaps(input, map.jacobian);
  return {
    preview: Array.from(input, (v) => Math.round(v * 255)),
    probabilities: Array.from(predictDense(net, input)),
    scores: mapSums(shares).map((s, c) => s + map.bias[c]),
    contributions: tileColors(shares, PIXELS, 'signed', contributionScale(shares)),
    pictures: tileColors(map.jacobian, PIXELS, 'signed', pictureScale(map.jacobian)),
  };
}

/** The ten maps' RGB as the canvases show them [10, 784, 3]. */
async function shownMaps(widget: Locator): Promise<Uint8ClampedArray> {
  const maps = await mapPixels(widget);
  const rgb = new Uint8ClampedArray(maps.length * PIXELS * 3);
  maps.forEach((m, c) => {
    for (let p = 0; p < PIXELS; p++) rgb.set(m.rgb.slice(4 * p, 4 * p + 3), 3 * (c * PIXELS + p));
  });
  return rgb;
}

/** The largest difference between two equally long lists of numbers. */
function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  return Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));
}

/** Checks the preview, the bars, the scores and the ten maps (in the view shown, or both) against `want`. */
async function expectShows(widget: Locator, want: Expected, views: ('contributions' | 'pictures')[] = ['contributions']): Promise<void> {
  expect((await preview(widget)).map((v) => Math.round(v * 255))).toEqual(want.preview);
  expect(maxDifference(await probabilities(widget), want.probabilities)).toBeLessThan(1e-6);
  expect(maxDifference(await mapScores(widget), want.scores)).toBeLessThan(1e-6);
  const toggle = widget.locator('.draw-show-pictures');
  for (const view of views) {
    await toggle.setChecked(view === 'pictures');
    const shown = await shownMaps(widget);
    const differing = shown.filter((v, i) => v !== want[view][i]).length;
    expect(differing, `${view}: channels that differ from the recomputed maps`).toBe(0);
  }
  await toggle.setChecked(false);
}

/**
 * Clicks (or taps) a move button `times` times. Forced: a button at its limit is aria-disabled,
 * which Playwright would wait out, and a press there must do nothing.
 */
async function press(widget: Locator, direction: 'Up' | 'Down' | 'Left' | 'Right', times: number, how: 'click' | 'tap' = 'click'): Promise<void> {
  const button = widget.locator(`button[data-move="${direction}"]`);
  for (let i = 0; i < times; i++) await (how === 'tap' ? button.tap({ force: true }) : button.click({ force: true }));
}

/** The offset the widget shows, in words. */
function offsetText(widget: Locator): Promise<string | null> {
  return widget.locator('.draw-offset').textContent();
}

async function openWidget(page: Page): Promise<Locator> {
  const widget = page.locator('draw-digit');
  await widget.scrollIntoViewIfNeeded();
  await widget.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 30_000 });
  return widget;
}

let opened: OpenedPage;
let widget: Locator;
const nets = new Map<string, DenseNet>();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  opened = await openPage({ viewport: { width: 1280, height: 900 } });
  widget = await openWidget(opened.page);
  for (const m of await buildModels(widget)) nets.set(m.id, (await fetchModel(m.url)).net);
  // Stand in for the retraining widget with a model none of the build's is: the 60k network scaled.
  const source = (await buildModels(widget)).find((m) => m.id === 'mlp-60k')?.url ?? '';
  const { modelJson, weightData } = await fetchModel(source);
  const scaled = Float32Array.from(new Float32Array(weightData), (v) => v * RETRAINED_SCALE);
  nets.set('retrained', parseDenseNet(modelJson, scaled.buffer, 'the scaled stand-in'));
  await opened.page.evaluate(
    async ({ source, scale }) => {
      const base = new URL(source, location.href);
      const modelJson = (await (await fetch(base)).json()) as { weightsManifest: { paths: string[] }[] };
      const paths = modelJson.weightsManifest.flatMap((g) => g.paths);
      const parts = await Promise.all(paths.map(async (p) => new Float32Array(await (await fetch(new URL(p, base))).arrayBuffer())));
      const weights = parts.flatMap((part) => Array.from(part));
      const weightData = Float32Array.from(weights, (v) => v * scale).buffer;
      window.dispatchEvent(new CustomEvent('mnist:retrained', { detail: { architecture: 'mlp', modelJson, weightData } }));
    },
    { source, scale: RETRAINED_SCALE },
  );
  await widget.locator('input[value="retrained"]:enabled').waitFor();
});

// Each test starts centred, in the contributions view, whatever the one before left.
beforeEach(async () => {
  await widget.locator('.draw-move-reset').click({ force: true });
  await expectOffset(widget, 0, 0);
  await widget.locator('.draw-show-pictures').setChecked(false);
});

afterAll(async () => {
  expect(opened?.consoleErrors ?? []).toEqual([]);
  await opened?.close();
  await disconnectBrowser();
});

describe('moving the input, 1280 px, by mouse', () => {
  // Each model gets its own offset, every direction used with and against the limit.
  const cases = [
    { model: 'mlp-60k', moves: [['Up', 3], ['Right', 2]], offset: [-3, 2] },
    { model: 'mlp-500', moves: [['Down', 6], ['Left', 1]], offset: [4, -1] },
    { model: 'linear-60k', moves: [['Down', 2], ['Right', 3]], offset: [2, 3] },
    { model: 'retrained', moves: [['Up', 2], ['Left', 5]], offset: [-2, -4] },
  ] as const;

  it('starts centred, with the move buttons labelled and the reset marked as having nothing to do', async () => {
    expect(await widget.getAttribute('data-offset')).toBe('0,0');
    expect(await offsetText(widget)).toBe('Centred, not moved.');
    expect(await widget.locator('.draw-offset').getAttribute('aria-live')).toBe('polite');
    const names = await widget.locator('.draw-move button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    expect(names).toEqual(['Move up one pixel', 'Move left one pixel', 'Reset: put it back in the centre', 'Move right one pixel', 'Move down one pixel']);
    expect(await widget.locator('.draw-move-reset').getAttribute('aria-disabled')).toBe('true');
    expect(await widget.locator('.draw-move').getAttribute('role')).toBe('group');
  });

  for (const { model, moves, offset } of cases) {
    it(`moves the input of ${model}, and the bars and exact maps follow it`, async () => {
      const page = opened.page;
      await selectModel(page, widget, model);
      await widget.locator('.draw-clear').click();
      await draw(page, widget.locator('.draw-pad'), DIGITS[9]);
      await expect.poll(() => widget.getAttribute('data-prediction')).not.toBeNull();
      const net = nets.get(model);
      if (!net) throw new Error(`no model ${model}`);
      const centred = toMnistInput(await padInk(widget));
      if (!centred) throw new Error('the pad is blank');
      const before = expected(net, centred, 0, 0);
      await expectShows(widget, before);
      const centredPreview = await preview(widget);

      for (const [direction, times] of moves) await press(widget, direction, times);
      const [dy, dx] = offset;
      await expectOffset(widget, dy, dx);
      const after = expected(net, centred, dy, dx);
      // The move must matter, or the comparison below could not tell a moved input from a centred one.
      expect(maxDifference(after.probabilities, before.probabilities)).toBeGreaterThan(1e-3);
      expect(maxDifference(after.scores, before.scores)).toBeGreaterThan(0.1);
      // The preview is the centred one moved by exactly the offset.
      const moved = translateImage(Float32Array.from(centredPreview), dy, dx);
      expect((await preview(widget)).map((v) => Math.round(v * 255))).toEqual(Array.from(moved, (v) => Math.round(v * 255)));
      await expectShows(widget, after, ['contributions', 'pictures']);
      if (model === 'mlp-60k') await widget.screenshot({ path: resolve(SHOTS, 'moved-1280.png') });

      const atLimit = Math.abs(dy) === 4 || Math.abs(dx) === 4;
      expect((await offsetText(widget)) ?? '').toContain(atLimit ? '(4 is the most each way)' : 'Moved');
      if (dy === 4) expect(await widget.locator('button[data-move="Down"]').getAttribute('aria-disabled')).toBe('true');
      if (dx === -4) expect(await widget.locator('button[data-move="Left"]').getAttribute('aria-disabled')).toBe('true');

      await widget.locator('.draw-move-reset').click();
      await expectOffset(widget, 0, 0);
      expect(await offsetText(widget)).toBe('Centred, not moved.');
      await expectShows(widget, before);
    });
  }

  it('keeps the offset for the next drawing and the next model', async () => {
    await press(widget, 'Right', 2);
    await selectModel(opened.page, widget, 'linear-60k');
    await widget.locator('.draw-clear').click();
    await draw(opened.page, widget.locator('.draw-pad'), DIGITS[4]);
    await expect.poll(() => widget.getAttribute('data-prediction')).not.toBeNull();
    await expectOffset(widget, 0, 2);
    // Drawing focused the pad: the arrow keys move the digit just drawn.
    expect(await widget.locator('.draw-pad').evaluate((el) => el === document.activeElement)).toBe(true);
    const centred = toMnistInput(await padInk(widget));
    if (!centred) throw new Error('the pad is blank');
    await expectShows(widget, expected(nets.get('linear-60k') as DenseNet, centred, 0, 2));
    await widget.locator('.draw-move-reset').click();
    await expectOffset(widget, 0, 0);
  });
});

describe('moving the input by keyboard alone', () => {
  it('moves with the arrow keys on the pad and resets with Tab and Enter', async () => {
    const page = opened.page;
    await selectModel(page, widget, 'mlp-60k');
    const pad = widget.locator('.draw-pad');
    await pad.focus();
    // From the pad, Tab reaches "Use an MNIST digit"; Enter puts a digit on the pad.
    for (let i = 0; i < 2; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('draw-sample');
    await page.keyboard.press('Enter');
    await expect.poll(() => widget.locator('.draw-sample-note').textContent()).toContain('On the pad');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await pad.evaluate((el) => el === document.activeElement)).toBe(true);

    const centred = toMnistInput(await padInk(widget));
    if (!centred) throw new Error('the pad is blank');
    const net = nets.get('mlp-60k') as DenseNet;
    await expectShows(widget, expected(net, centred, 0, 0));

    // Record every text the live region gets: one per move, none for presses that change nothing.
    await widget.locator('.draw-offset').evaluate((el) => {
      const w = window as unknown as { offsetTexts: string[] };
      w.offsetTexts = [];
      new MutationObserver(() => w.offsetTexts.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
    });
    const scrollBefore = await page.evaluate(() => window.scrollY);
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(key);
    await expectOffset(widget, 2, -4);
    expect(await page.evaluate(() => window.scrollY), 'the arrow keys do not scroll the page').toBe(scrollBefore);
    expect(await page.evaluate(() => (window as unknown as { offsetTexts: string[] }).offsetTexts)).toEqual([
      'Moved 1 pixel down.',
      'Moved 2 pixels down.',
      'Moved 2 pixels down and 1 pixel left.',
      'Moved 2 pixels down and 2 pixels left.',
      'Moved 2 pixels down and 3 pixels left.',
      'Moved 2 pixels down and 4 pixels left (4 is the most each way).',
    ]);
    await expectShows(widget, expected(net, centred, 2, -4), ['contributions', 'pictures']);

    // Keyboard only from here: back to the pad, then Tab to the reset button and press Enter.
    await pad.focus();
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.classList.contains('draw-move-reset'))) && tabs < 12) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs, 'Tab reaches the reset button').toBeLessThan(12);
    await page.keyboard.press('Enter');
    await expectOffset(widget, 0, 0);
    await expectShows(widget, expected(net, centred, 0, 0));
    // Other keys on the pad do nothing to the offset.
    await pad.focus();
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('a');
    expect(await widget.getAttribute('data-offset')).toBe('0,0');
  });
});

describe('moving the input on a 360 px phone', () => {
  it('moves by touch, with every move button on the screen and big enough for a finger', async () => {
    const browser = await connectBrowser();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      await page.goto(opened.page.url());
      const phone = await openWidget(page);
      await phone.locator('.draw-sample').tap();
      await expect.poll(() => phone.getAttribute('data-prediction')).not.toBeNull();
      const centred = toMnistInput(await padInk(phone));
      if (!centred) throw new Error('the pad is blank');
      await press(phone, 'Right', 3, 'tap');
      await press(phone, 'Up', 2, 'tap');
      await expectOffset(phone, -2, 3);
      await expectShows(phone, expected(nets.get('mlp-60k') as DenseNet, centred, -2, 3));

      for (const button of await phone.locator('.draw-move button').all()) {
        const box = await button.boundingBox();
        if (!box) throw new Error('move button not visible');
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
        expect(Math.min(box.width, box.height), 'touch target').toBeGreaterThanOrEqual(24);
      }
      expect(await phone.locator('.draw-offset').isVisible()).toBe(true);
      await phone.locator('.draw-move').scrollIntoViewIfNeeded();
      await phone.screenshot({ path: resolve(SHOTS, 'moved-360.png') });
      await phone.locator('.draw-move-reset').tap();
      await expectOffset(phone, 0, 0);
    } finally {
      await context.close();
    }
  });
});

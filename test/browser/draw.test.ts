import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedMeasures, recordMeasures } from '../../scripts/browser/page-measures';
import { enterSettings, retrainWidgetSelector, waitForControls } from '../../scripts/browser/retrain-widget';
import { STROKE_TO_MAPS } from '../../src/widgets/contract';
import { DIGITS } from './digits';
import { draw, fetchModel, mapPixels, mapScores, preview, probabilities, selectModel } from './draw-widget';
import { connectBrowser, disconnectBrowser, loadAllImages, type OpenedPage, openPage, ROOT, runAxe, url } from './harness';

/** Strings that only TensorFlow.js code contains (kernel and flag names survive minification). */
const TFJS_MARKERS = ['loadLayersModel', 'WEBGL_VERSION', 'BatchMatMul'];
const SHOTS = resolve(ROOT, 'test-output/draw');
/** Rounds of drawing, moving and switching models after the first, in the memory test. */
const ROUNDS = 3;
/** Growth of the page's ArrayBuffer bytes the memory test allows over those rounds. */
const RETAINED_SLACK = 256 * 1024;
/** Growth of the page's JavaScript heap it allows (compiled code and caches grow a little). */
const HEAP_SLACK = 1024 * 1024;

let opened: OpenedPage;
let widget: Locator;
/** Scripts requested before the widget came into view. */
let initialScripts: string[] = [];

async function scriptText(href: string): Promise<string> {
  return (await fetch(href)).text();
}

function isTfjs(text: string): boolean {
  return TFJS_MARKERS.some((m) => text.includes(m));
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}

/** Ten maps after a drawing: neutral on blank pixels, coloured where ink is, and scores that are the model's. */
async function expectContributionMaps(): Promise<void> {
  await expect.poll(() => widget.locator('.draw-maps canvas').count()).toBe(10);
  expect(await widget.locator('.draw-maps').isVisible()).toBe(true);
  for (const m of await mapPixels(widget)) {
    expect(m.corner).toEqual([247, 247, 247]);
    expect(m.coloured).toBeGreaterThan(30);
  }
  // The labels' scores come from the maps; the bars from the tfjs model's softmax output.
  const fromMaps = softmax(await mapScores(widget));
  const fromModel = await probabilities(widget);
  fromMaps.forEach((p, c) => expect(Math.abs(p - fromModel[c]), `probability of ${c}`).toBeLessThan(1e-4));
}

/**
 * Bytes the page's main thread still holds after a full garbage collection: the JavaScript heap
 * and the backing stores of ArrayBuffers (typed arrays, such as model weights and maps).
 */
async function retainedBytes(page: Page): Promise<{ heap: number; buffers: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    if (usage.backingStorageSize === undefined) throw new Error('this Chromium does not report backingStorageSize');
    return { heap: usage.usedSize, buffers: usage.backingStorageSize };
  } finally {
    await cdp.detach();
  }
}

async function clearPad(): Promise<void> {
  await widget.locator('.draw-clear').click();
  await expect.poll(async () => (await preview(widget)).some((v) => v > 0)).toBe(false);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  opened = await openPage();
  // Give lazy observers a moment: nothing below the fold may have loaded tfjs yet.
  await opened.page.waitForTimeout(1000);
  initialScripts = opened.requests.filter((r) => new URL(r).pathname.endsWith('.js'));
  widget = opened.page.locator('draw-digit');
  await widget.scrollIntoViewIfNeeded();
  await widget.and(opened.page.locator('[data-state="ready"]')).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  expect(opened?.consoleErrors ?? []).toEqual([]);
  await opened?.close();
  await disconnectBrowser();
});

describe('draw a digit', () => {
  it('loads its classifier when it comes into view, and no TensorFlow.js at all', async () => {
    expect(initialScripts.length).toBeGreaterThan(0);
    for (const href of initialScripts) expect(isTfjs(await scriptText(href)), href).toBe(false);
    const later = opened.requests.filter((r) => new URL(r).pathname.endsWith('.js') && !initialScripts.includes(r));
    expect(later.some((r) => /\/classifier\.[^/]*\.js$/.test(new URL(r).pathname)), 'the classifier loads once the widget is in view').toBe(true);
    // Its forward pass is plain TypeScript: the training workers carry the page's only tfjs.
    const texts = await Promise.all(later.map(scriptText));
    expect(texts.filter(isTfjs)).toEqual([]);
  });

  it('reads at least 8 of 10 mouse-drawn digits right with the multi-layer model', async () => {
    await selectModel(opened.page, widget, 'mlp-60k');
    const pad = widget.locator('.draw-pad');
    const results: { digit: number; guess: number; sum: number; com: [number, number]; height: number }[] = [];
    for (let digit = 0; digit <= 9; digit++) {
      await clearPad();
      await draw(opened.page, pad, DIGITS[digit]);
      await expect.poll(() => widget.getAttribute('data-prediction')).not.toBeNull();
      const probs = await probabilities(widget);
      const ink = await preview(widget);
      results.push({ digit, guess: Number(await widget.getAttribute('data-prediction')), sum: probs.reduce((a, b) => a + b, 0), ...inkShape(ink) });
      await widget.screenshot({ path: resolve(SHOTS, `digit-${digit}.png`) });
    }
    console.log(results.map((r) => `${r.digit}->${r.guess}`).join(' '));
    for (const r of results) {
      expect(r.sum, `probabilities of ${r.digit}`).toBeCloseTo(1, 4);
      // MNIST: the digit fills 20 pixels in height, centre of mass at (14, 14).
      expect(r.height, `height of ${r.digit}`).toBeGreaterThanOrEqual(19);
      expect(r.height).toBeLessThanOrEqual(21);
      expect(Math.abs(r.com[0] - 14), `centre x of ${r.digit}`).toBeLessThanOrEqual(0.55);
      expect(Math.abs(r.com[1] - 14), `centre y of ${r.digit}`).toBeLessThanOrEqual(0.55);
    }
    expect(results.filter((r) => r.guess === r.digit).length).toBeGreaterThanOrEqual(8);
  });

  it('shows ten contribution maps for the model with no hidden layers', async () => {
    await selectModel(opened.page, widget, 'linear-60k');
    await clearPad();
    await draw(opened.page, widget.locator('.draw-pad'), DIGITS[0]);
    await expectContributionMaps();
    await widget.screenshot({ path: resolve(SHOTS, 'linear-0.png') });
  });

  it('shows the exact maps of the multi-layer model after a stroke, labelled by digit', async () => {
    await selectModel(opened.page, widget, 'mlp-60k');
    await clearPad();
    await draw(opened.page, widget.locator('.draw-pad'), DIGITS[3]);
    await expectContributionMaps();
    const labels = await widget.locator('.draw-map > span').allTextContents();
    expect(labels.map((t) => t.trim().split(':')[0])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const names = await widget.locator('.draw-maps canvas').evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label')));
    names.forEach((name, d) => expect(name).toBe(`Contribution of each pixel to the score of ${d}`));
    const scores = await mapScores(widget);
    expect(String(scores.indexOf(Math.max(...scores)))).toBe(await widget.getAttribute('data-prediction'));
    await widget.screenshot({ path: resolve(SHOTS, 'mlp-3-contributions.png') });
  });

  it('switches to the pictures J by keyboard, and they change with the drawing', async () => {
    const figure = widget.locator('.draw-maps');
    const toggle = widget.locator('.draw-show-pictures');
    const contributions = await mapPixels(widget);
    const scores = await mapScores(widget);
    await toggle.focus();
    await opened.page.keyboard.press('Space');
    expect(await toggle.isChecked()).toBe(true);
    expect(await figure.getAttribute('data-view')).toBe('pictures');
    const pictures = await mapPixels(widget);
    pictures.forEach((m, d) => {
      // J is weights over the whole canvas, blank pixels included.
      expect(m.coloured, `picture of ${d}`).toBeGreaterThan(contributions[d].coloured + 200);
      expect(m.rgb).not.toEqual(contributions[d].rgb);
    });
    expect(await mapScores(widget)).toEqual(scores);
    const names = await widget.locator('.draw-maps canvas').evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label')));
    names.forEach((name, d) => expect(name).toContain(`The picture the score of ${d} uses`));
    expect(await figure.locator('figcaption [data-view="pictures"]').isVisible()).toBe(true);
    expect(await figure.locator('figcaption [data-view="contributions"]').isVisible()).toBe(false);
    await widget.screenshot({ path: resolve(SHOTS, 'mlp-3-pictures.png') });

    // Another drawing silences other hidden nodes: the multi-layer model's pictures change.
    await clearPad();
    await draw(opened.page, widget.locator('.draw-pad'), DIGITS[0]);
    await expect.poll(async () => (await mapScores(widget)).join()).not.toBe(scores.join());
    const other = await mapPixels(widget);
    expect(other.filter((m, d) => m.rgb.join() !== pictures[d].rgb.join()).length).toBe(10);

    await toggle.focus();
    await opened.page.keyboard.press('Space');
    expect(await figure.getAttribute('data-view')).toBe('contributions');
    for (const m of await mapPixels(widget)) expect(m.corner).toEqual([247, 247, 247]);
  });

  it('has no serious accessibility problems with the maps shown, in either view', async () => {
    const toggle = widget.locator('.draw-show-pictures');
    for (const pictures of [false, true]) {
      await toggle.setChecked(pictures);
      expect(await widget.locator('.draw-maps').isVisible()).toBe(true);
      const bad = (await runAxe(opened.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
    }
    await toggle.setChecked(false);
  });

  it('measures the time from each stroke ending to its maps, keeping the latest', async () => {
    await selectModel(opened.page, widget, 'mlp-60k');
    const page = opened.page;
    // The widget keeps only the latest measure: collect every one as it is made.
    await page.evaluate(recordMeasures, STROKE_TO_MAPS);
    const strokeTimes = async () => (await page.evaluate(recordedMeasures, 0)) ?? [];
    let strokes = 0;
    for (const digit of [1, 4, 5, 8]) {
      await clearPad();
      await draw(page, widget.locator('.draw-pad'), DIGITS[digit]);
      strokes += DIGITS[digit].length;
      await expect.poll(async () => (await strokeTimes()).length).toBe(strokes);
    }
    for (const t of await strokeTimes()) expect(t).toBeGreaterThan(0);
    expect(await page.evaluate((name) => performance.getEntriesByName(name).length, STROKE_TO_MAPS)).toBe(1);
  });
});

describe('keyboard', () => {
  it('puts MNIST sample digits on the pad from the keyboard, and the model reads them', async () => {
    await selectModel(opened.page, widget, 'mlp-60k');
    await clearPad();
    const button = widget.locator('.draw-sample');
    await button.focus();
    let right = 0;
    for (let digit = 0; digit <= 9; digit++) {
      const before = (await preview(widget)).join();
      await opened.page.keyboard.press('Enter');
      await expect.poll(async () => (await preview(widget)).join()).not.toBe(before);
      await expect.poll(() => widget.locator('.draw-sample-note').textContent()).toContain(`of a ${digit}`);
      if ((await widget.getAttribute('data-prediction')) === String(digit)) right++;
    }
    expect(right).toBeGreaterThanOrEqual(9);
  });
});

describe('models and memory', () => {
  it('names every model it offers differently, the two multi-layer networks by their training images', async () => {
    const labels = (await widget.locator('input[type="radio"]').evaluateAll((inputs) =>
      inputs.map((i) => i.closest('label')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    )) as string[];
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.filter((l) => l.startsWith('The multi-layer network')).every((l) => /\d images/.test(l))).toBe(true);
  });

  it('takes the model the retraining widget hands over', async () => {
    const radio = widget.locator('input[value="retrained"]');
    expect(await radio.isDisabled()).toBe(true);
    // Stand in for the retraining widget: the build's linear model, sent as the contract says.
    await opened.page.evaluate(async () => {
      const models = JSON.parse(document.querySelector<HTMLElement>('draw-digit')?.dataset.models ?? '[]') as { id: string; url: string }[];
      const url = models.find((m) => m.id === 'linear-60k')?.url ?? '';
      const modelJson = (await (await fetch(url)).json()) as { weightsManifest: { paths: string[] }[] };
      const weightData = await (await fetch(new URL(modelJson.weightsManifest[0].paths[0], new URL(url, location.href)))).arrayBuffer();
      window.dispatchEvent(new CustomEvent('mnist:retrained', { detail: { architecture: 'linear', modelJson, weightData } }));
    });
    expect(await radio.isDisabled()).toBe(false);
    await expect.poll(() => widget.locator('.draw-retrained-note').textContent()).toContain('no hidden layers');
    await selectModel(opened.page, widget, 'retrained');
    await clearPad();
    await draw(opened.page, widget.locator('.draw-pad'), DIGITS[7]);
    await expect.poll(() => widget.getAttribute('data-prediction')).toBe('7');
    expect(await widget.locator('.draw-maps').isVisible()).toBe(true);
  });

  it('shows the exact maps of a multi-layer model handed over', async () => {
    // Stand in for the retraining widget with the build's network trained on 500 images.
    await opened.page.evaluate(async () => {
      const manifest = (await (await fetch(new URL('generated/manifest.json', document.baseURI))).json()) as { variants: { id: string; model: string }[] };
      const model = manifest.variants.find((v) => v.id === 'mlp-500')?.model ?? '';
      const url = new URL(`generated/${model}`, document.baseURI);
      const modelJson = (await (await fetch(url)).json()) as { weightsManifest: { paths: string[] }[] };
      const weightData = await (await fetch(new URL(modelJson.weightsManifest[0].paths[0], url))).arrayBuffer();
      window.dispatchEvent(new CustomEvent('mnist:retrained', { detail: { architecture: 'mlp', modelJson, weightData } }));
    });
    await expect.poll(() => widget.locator('.draw-retrained-note').textContent()).toContain('multi-layer network');
    await selectModel(opened.page, widget, 'retrained');
    await clearPad();
    await draw(opened.page, widget.locator('.draw-pad'), DIGITS[2]);
    await expect.poll(() => widget.getAttribute('data-prediction')).not.toBeNull();
    await expectContributionMaps();
  });

  for (const architecture of ['mlp', 'linear']) {
    it(`takes the model just trained in the ${architecture} retraining widget`, { timeout: 180_000 }, async () => {
      const page = opened.page;
      const trainer = page.locator(retrainWidgetSelector(architecture));
      await waitForControls(trainer);
      await enterSettings(trainer, { trainSize: 500, epochs: 1 });
      const received = page.evaluate(
        () => new Promise<string>((done) => window.addEventListener('mnist:retrained', (e) => done(String((e as CustomEvent<{ architecture: string }>).detail.architecture)), { once: true })),
      );
      await trainer.locator('button[data-action=train]').click();
      expect(await received).toBe(architecture);
      await widget.scrollIntoViewIfNeeded();
      await selectModel(opened.page, widget, 'retrained');
      await clearPad();
      await draw(page, widget.locator('.draw-pad'), DIGITS[0]);
      await expect.poll(() => widget.getAttribute('data-prediction')).not.toBeNull();
      const probs = await probabilities(widget);
      expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      await expectContributionMaps();
    });
  }

  it('keeps no TensorFlow.js in the page, and holds no memory of earlier drawings, moves or models', { timeout: 240_000 }, async () => {
    const page = opened.page;
    const pad = widget.locator('.draw-pad');
    const round = async () => {
      for (const model of ['linear-60k', 'mlp-60k']) {
        await selectModel(page, widget, model);
        for (const digit of [3, 8]) {
          await clearPad();
          await draw(page, pad, DIGITS[digit]);
          await expect.poll(() => widget.getAttribute('data-prediction')).not.toBeNull();
          await widget.locator('button[data-move="Down"]').click();
          await widget.locator('.draw-move-reset').click();
        }
      }
    };
    await round();
    const baseline = await retainedBytes(page);
    for (let i = 0; i < ROUNDS; i++) await round();
    const after = await retainedBytes(page);
    console.log(`bytes held by the page after one round and after ${ROUNDS + 1}: heap ${baseline.heap} -> ${after.heap}, buffers ${baseline.buffers} -> ${after.buffers}`);
    // A drawing's maps alone are 2 x 10 x 784 float32 (63 KB): keeping every drawing's would add far more.
    expect(after.buffers - baseline.buffers).toBeLessThan(RETAINED_SLACK);
    expect(after.heap - baseline.heap).toBeLessThan(HEAP_SLACK);
    // TensorFlow.js makes its engine a global when it loads; only the training workers have one.
    expect(await page.evaluate(() => '_tfengine' in globalThis)).toBe(false);

    // Taken out of the page, the widget lets its model go; put back, it loads one again.
    const models = JSON.parse((await widget.getAttribute('data-models')) ?? '[]') as { id: string; url: string }[];
    const weights = (await fetchModel(models.find((m) => m.id === 'mlp-60k')?.url ?? '')).weightData.byteLength;
    const parked = await widget.evaluateHandle((el) => {
      const marker = document.createComment('draw-digit');
      el.replaceWith(marker);
      return { el, marker };
    });
    expect((await retainedBytes(page)).buffers).toBeLessThan(after.buffers - weights + RETAINED_SLACK);
    await parked.evaluate(({ el, marker }) => marker.replaceWith(el));
    await widget.and(page.locator('[data-model="mlp-60k"][data-state="ready"]')).waitFor();
    expect((await retainedBytes(page)).buffers).toBeGreaterThan(after.buffers - RETAINED_SLACK);
  });
});

describe('touch', () => {
  it('draws with a finger on a phone without scrolling the page', async () => {
    const browser = await connectBrowser();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      await page.goto(url(''));
      // Lazy images that load while the finger draws would move the page under it (scroll anchoring): load them first.
      await loadAllImages(page);
      const phoneWidget = page.locator('draw-digit');
      await phoneWidget.scrollIntoViewIfNeeded();
      await page.locator('draw-digit[data-state="ready"]').waitFor({ timeout: 30_000 });
      // The widget is taller than the phone's screen: bring the pad itself into view, as a reader would.
      await phoneWidget.locator('.draw-pad').scrollIntoViewIfNeeded();
      const box = await phoneWidget.locator('.draw-pad').boundingBox();
      if (!box) throw new Error('pad not visible');
      const scrollBefore = await page.evaluate(() => window.scrollY);
      const cdp = await context.newCDPSession(page);
      for (const stroke of DIGITS[7]) {
        const points = stroke.map(([x, y]) => ({ x: box.x + x * box.width, y: box.y + y * box.height }));
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]] });
        for (let i = 1; i < points.length; i++) {
          for (let k = 1; k <= 4; k++) {
            const t = k / 4;
            const p = { x: points[i - 1].x + (points[i].x - points[i - 1].x) * t, y: points[i - 1].y + (points[i].y - points[i - 1].y) * t };
            await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
          }
        }
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      }
      await expect.poll(() => phoneWidget.getAttribute('data-prediction')).toBe('7');
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    } finally {
      await context.close();
    }
  });
});

describe('layout', () => {
  it('gives a 360 px wide phone a large pad that takes touches as strokes', async () => {
    await opened.page.setViewportSize({ width: 360, height: 800 });
    await widget.scrollIntoViewIfNeeded();
    const pad = await widget.locator('.draw-pad').boundingBox();
    expect(pad?.width).toBeGreaterThan(200);
    expect(await widget.locator('.draw-pad').evaluate((el) => getComputedStyle(el).touchAction)).toBe('none');
    await widget.screenshot({ path: resolve(SHOTS, 'phone.png') });
  });
});

/** Height of the inked rows and the centre of mass (continuous coordinates) of a 28x28 image. */
function inkShape(ink: number[]): { com: [number, number]; height: number } {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  let top = 28;
  let bottom = -1;
  ink.forEach((v, i) => {
    const x = i % 28;
    const y = Math.floor(i / 28);
    mass += v;
    sx += v * (x + 0.5);
    sy += v * (y + 0.5);
    if (v > 0.05) {
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  });
  return { com: [sx / mass, sy / mass], height: bottom - top + 1 };
}

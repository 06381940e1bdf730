/**
 * Helpers for browser tests of `<draw-digit>`: drawing strokes, choosing a model, and reading back
 * what the widget shows (bars, the 28x28 preview, the ten maps and their scores), plus the
 * widget's inputs and models recomputed in the test with the same pure functions the widget uses.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type DenseNet, parseDenseNet } from '../../src/lib/dense-net';
import type { GrayImage } from '../../src/lib/preprocess';
import type { Stroke } from './digits';
import { url } from './harness';

/** Draws strokes on the pad with the mouse, many small moves per segment like a real hand. */
export async function draw(page: Page, pad: Locator, strokes: Stroke[]): Promise<void> {
  const box = await pad.boundingBox();
  if (!box) throw new Error('pad not visible');
  const at = ([x, y]: readonly [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  for (const stroke of strokes) {
    const [x0, y0] = at(stroke[0]);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (const p of stroke.slice(1)) {
      const [x, y] = at(p);
      await page.mouse.move(x, y, { steps: 4 });
    }
    await page.mouse.up();
  }
}

/** Checks the model's radio button and waits until the widget has loaded it. */
export async function selectModel(page: Page, widget: Locator, value: string): Promise<void> {
  await widget.locator(`input[value="${value}"]`).check();
  try {
    await widget.and(page.locator(`[data-model="${value}"][data-state="ready"]`)).waitFor({ timeout: 20_000 });
  } catch (error) {
    const state = await widget.evaluate((el) => `${(el as HTMLElement).dataset.state}: ${el.querySelector('.draw-status')?.textContent}`);
    throw new Error(`model ${value} not ready (${state})`, { cause: error });
  }
}

/** The ten probabilities the bars show, at full precision. */
export async function probabilities(widget: Locator): Promise<number[]> {
  return widget.locator('.draw-bars li').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.probability)));
}

/** The 28x28 preview as ink in [0, 1] (its red channel: it is gray, white ink on black). */
export async function preview(widget: Locator): Promise<number[]> {
  return widget.locator('.draw-preview canvas').evaluate((c) => {
    const ctx = (c as HTMLCanvasElement).getContext('2d');
    const data = ctx?.getImageData(0, 0, 28, 28).data ?? new Uint8ClampedArray(28 * 28 * 4);
    return Array.from({ length: 28 * 28 }, (_, i) => data[4 * i] / 255);
  });
}

/** Per map: how many of its pixels are not the neutral colour, its corner pixel's colour, and all its RGBA bytes. */
export async function mapPixels(widget: Locator): Promise<{ corner: number[]; coloured: number; rgb: number[] }[]> {
  return widget.locator('.draw-maps canvas').evaluateAll((cs) =>
    cs.map((c) => {
      const d = (c as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, 28, 28).data ?? new Uint8ClampedArray();
      let coloured = 0;
      for (let i = 0; i < d.length; i += 4) if (!(d[i] === 247 && d[i + 1] === 247 && d[i + 2] === 247)) coloured++;
      return { corner: [d[0], d[1], d[2]], coloured, rgb: Array.from(d) };
    }),
  );
}

/** The scores the maps' labels show (sum of each map plus its bias), at full precision. */
export async function mapScores(widget: Locator): Promise<number[]> {
  return widget.locator('.draw-map-sum').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.score)));
}

/** The pad's drawing as the widget reads it: ink = alpha / 255, one value per backing-store pixel. */
export async function padInk(widget: Locator): Promise<GrayImage> {
  const { width, height, alpha } = await widget.locator('.draw-pad').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const rgba = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
    const a = new Uint8Array(rgba.length / 4);
    for (let i = 0; i < a.length; i++) a[i] = rgba[4 * i + 3];
    // Base64 keeps the transfer small for a 640 x 640 pad.
    let text = '';
    for (let i = 0; i < a.length; i += 0x8000) text += String.fromCharCode(...a.subarray(i, i + 0x8000));
    return { width: canvas.width, height: canvas.height, alpha: btoa(text) };
  });
  const bytes = Buffer.from(alpha, 'base64');
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = bytes[i] / 255;
  return { width, height, data };
}

/** Downloads a model of the built site by its model.json URL (relative to the site) and parses it. */
export async function fetchModel(modelUrl: string): Promise<{ net: DenseNet; modelJson: object; weightData: ArrayBuffer }> {
  const base = new URL(modelUrl, url(''));
  const modelJson = (await (await fetch(base)).json()) as { weightsManifest: { paths: string[] }[] };
  const parts = await Promise.all(modelJson.weightsManifest.flatMap((g) => g.paths).map(async (p) => new Uint8Array(await (await fetch(new URL(p, base))).arrayBuffer())));
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
  return { net: parseDenseNet(modelJson, joined.buffer, modelUrl), modelJson, weightData: joined.buffer };
}

/** The build's models the widget offers, as its `data-models` lists them. */
export async function buildModels(widget: Locator): Promise<{ id: string; url: string }[]> {
  return JSON.parse((await widget.getAttribute('data-models')) ?? '[]') as { id: string; url: string }[];
}

/** Waits until the widget shows the offset (dy, dx). */
export async function expectOffset(widget: Locator, dy: number, dx: number): Promise<void> {
  await expect.poll(() => widget.getAttribute('data-offset')).toBe(`${dy},${dx}`);
}

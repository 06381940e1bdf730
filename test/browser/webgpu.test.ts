import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { url } from './harness';
import { chromiumPath, WEBGPU_CHROMIUM_ARGS } from './setup/chromium';

/**
 * The training worker on WebGPU, in a Chromium of its own with WebGPU turned on (the shared one
 * has it off). Its only adapter here is SwiftShader, WebGPU on the CPU at about a hundred
 * multi-layer images a second, so the runs are small.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: WEBGPU_CHROMIUM_ARGS });
});
afterAll(() => browser?.close());

interface Trained {
  backend: string;
  testAccuracy: number;
  /** All the model's weights, as the widget hands them to the draw widget. */
  weights: Float32Array;
  autoChoice: string | null;
  autoText: string;
  backendText: string;
  errors: string[];
}

/** Opens the article with `params` and trains the multi-layer widget to the end. */
async function train(params: Record<string, string>): Promise<Trained> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await page.goto(`${url('')}?${new URLSearchParams(params)}`);
    const w = page.locator('retrain-widget#retrain-mlp');
    await w.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector<HTMLFieldSetElement>('retrain-widget#retrain-mlp fieldset')?.disabled === false);
    const weights = captureWeights(page);
    await w.locator('button[data-action=train]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('retrain-widget#retrain-mlp')?.dataset.state === 'done', null, { timeout: 120_000 });
    return {
      backend: (await w.getAttribute('data-backend')) ?? '',
      testAccuracy: Number(await w.getAttribute('data-test-accuracy')),
      weights: new Float32Array(await weights),
      autoChoice: await w.getAttribute('data-auto-choice'),
      autoText: (await w.locator('[data-role=auto]').textContent()) ?? '',
      backendText: (await w.locator('[data-role=backend]').textContent()) ?? '',
      errors,
    };
  } finally {
    await context.close();
  }
}

/** The weights of the next retrained model the page announces, as plain numbers. */
async function captureWeights(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    window.addEventListener('mnist:retrained', (e) => {
      const detail = (e as CustomEvent<{ weightData: ArrayBuffer }>).detail;
      (window as unknown as { trained: number[] }).trained = Array.from(new Float32Array(detail.weightData));
    }, { once: true });
  });
  await page.waitForFunction(() => 'trained' in window, null, { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { trained: number[] }).trained);
}

/** Largest absolute difference between two weight lists of the same length. */
function maxDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

/** A few hundred images, so that SwiftShader gets through them in seconds. */
const SMALL = { 'mlp.n': '320', 'mlp.epochs': '1', 'mlp.batch': '32', 'mlp.lr': '0.001', 'mlp.opt': 'rmsprop-keras', 'mlp.seed': '2' };

describe('training on WebGPU (SwiftShader here)', () => {
  let gpu: Trained;
  let wasm: Trained;
  beforeAll(async () => {
    gpu = await train({ ...SMALL, 'mlp.backend': 'webgpu' });
    wasm = await train({ ...SMALL, 'mlp.backend': 'wasm' });
  }, 300_000);

  it('runs on WebGPU when asked, says which adapter, and converges', () => {
    expect(gpu.errors).toEqual([]);
    expect(gpu.backend).toBe('webgpu');
    expect(gpu.backendText).toMatch(/^TensorFlow\.js backend: webgpu \(.*swiftshader.*\(software\)\)$/);
    console.log(`WebGPU, 320 images, 10 batches: ${(gpu.testAccuracy * 100).toFixed(1)}% test accuracy; wasm ${(wasm.testAccuracy * 100).toFixed(1)}%`);
    // Chance is 10%; ten batches of Keras RMSprop get the network well past it.
    expect(gpu.testAccuracy).toBeGreaterThan(0.6);
  });

  it('gives the weights wasm gives after ten batches, and the same test accuracy within a point', () => {
    expect(wasm.backend).toBe('wasm');
    expect(gpu.weights.length).toBe(784 * 512 + 512 + 512 * 256 + 256 + 256 * 10 + 10);
    const diff = maxDifference(gpu.weights, wasm.weights);
    console.log(`largest weight difference, WebGPU against wasm: ${diff.toExponential(2)}`);
    // Float32 rounding in another order: differences of order 1e-6, growing a little with each
    // step. One step of a wrong kernel (or the wrong optimizer) moves weights by about lr = 1e-3.
    expect(diff).toBeLessThan(1e-4);
    expect(Math.abs(gpu.testAccuracy - wasm.testAccuracy)).toBeLessThanOrEqual(0.01);
  });
});

describe('automatic backend choice with a WebGPU adapter on offer', () => {
  it('times both and picks WebAssembly over the software adapter, within about a second', async () => {
    const r = await train({ ...SMALL, 'mlp.backend': 'auto' });
    expect(r.errors).toEqual([]);
    console.log(r.autoText);
    expect(r.autoChoice).toBe('wasm');
    expect(r.backend).toBe('wasm');
    const m = /^Automatic: WebAssembly, ([\d,]+) images a second \(WebGPU: ([\d,]+)\), timed in ([\d.]+) s\.$/.exec(r.autoText);
    expect(m, r.autoText).not.toBeNull();
    const [wasmRate, gpuRate, seconds] = (m ?? []).slice(1).map((s) => Number(s.replace(/,/g, '')));
    expect(wasmRate).toBeGreaterThan(gpuRate);
    expect(seconds).toBeLessThanOrEqual(1.5);
  }, 120_000);
});

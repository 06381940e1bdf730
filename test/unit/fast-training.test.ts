import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend } from '../../scripts/backend';
import { uninstallFastKernels } from '../../src/lib/fast-matmul/install';
import { wasmThreadsStatus } from '../../scripts/fast/threaded-wasm';
import type { DigitSet } from '../../src/lib/mnist';
import { DEFAULT_TRAINING } from '../../src/experiment/training';
import { createModel, disposeModel } from '../../src/lib/model';
import { createRandom } from '../../src/lib/rng';
import { train } from '../../src/lib/train';

/** `count` seeded random "digits": noise images whose label also brightens one block of pixels. */
function syntheticDigits(count: number, seed: number): DigitSet {
  const random = createRandom(seed);
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = Math.floor(random() * 10);
    for (let p = 0; p < 784; p++) images[i * 784 + p] = Math.floor(random() * 128) + (Math.floor(p / 78.4) === labels[i] ? 127 : 0);
  }
  return { count, images, labels };
}

const CONFIG = { ...DEFAULT_TRAINING, epochs: 1 };

/** Trains the multi-layer network on `data` and returns its weights' bytes, layer by layer. */
async function trainedBytes(data: DigitSet): Promise<Buffer> {
  const model = createModel('mlp', CONFIG);
  try {
    await train(model, data, { config: CONFIG });
    return Buffer.concat(model.getWeights().map((w) => Buffer.from((w.dataSync() as Float32Array).slice().buffer)));
  } finally {
    disposeModel(model);
  }
}

describe('training with the fast wasm kernels', () => {
  const data = syntheticDigits(300, 7);
  beforeAll(async () => {
    expect((await chooseBackend('wasm')).name).toBe('wasm');
  });
  afterAll(() => uninstallFastKernels('wasm'));

  it('installs them when the wasm backend is chosen, says so, and can put the stock ones back', async () => {
    uninstallFastKernels('wasm');
    const stock = ['BatchMatMul', '_FusedMatMul'].map((name) => tf.getKernel(name, 'wasm'));
    const choice = await chooseBackend('wasm');
    expect(choice.reason).toMatch(/fast BatchMatMul, _FusedMatMul kernels/);
    const fast = ['BatchMatMul', '_FusedMatMul'].map((name) => tf.getKernel(name, 'wasm'));
    fast.forEach((kernel, i) => expect(kernel.kernelFunc).not.toBe(stock[i].kernelFunc));
    uninstallFastKernels('wasm');
    ['BatchMatMul', '_FusedMatMul'].forEach((name, i) => expect(tf.getKernel(name, 'wasm')).toBe(stock[i]));
    await chooseBackend('wasm');
  });

  it('gives byte-identical weights for the same seed', async () => {
    await chooseBackend('wasm');
    const first = await trainedBytes(data);
    const second = await trainedBytes(data);
    expect(first.length).toBe((784 * 512 + 512 + 512 * 256 + 256 + 256 * 10 + 10) * 4);
    expect(first.equals(second)).toBe(true);
  });

  it('runs XNNPACK on the threaded build with the thread count asked for, and says so', async () => {
    for (const threads of [2, 3, 1]) {
      const choice = await chooseBackend('wasm', threads);
      expect(wasmThreadsStatus().threads).toBe(threads);
      expect(choice.reason).toContain(threads === 1 ? 'single-threaded' : `${threads} threads`);
    }
  });

  it('gives the same bytes on one thread as on two', async () => {
    await chooseBackend('wasm', 1);
    const single = await trainedBytes(data);
    await chooseBackend('wasm', 2);
    const threaded = await trainedBytes(data);
    expect(wasmThreadsStatus().threads).toBe(2);
    expect(threaded.equals(single)).toBe(true);
  });

  it('ends within float rounding of the stock kernels', async () => {
    await chooseBackend('wasm');
    const fast = new Float32Array((await trainedBytes(data)).buffer.slice(0));
    uninstallFastKernels('wasm');
    const stock = new Float32Array((await trainedBytes(data)).buffer.slice(0));
    await chooseBackend('wasm');
    let worst = 0;
    for (let i = 0; i < fast.length; i++) worst = Math.max(worst, Math.abs(fast[i] - stock[i]));
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1e-4);
  });
});

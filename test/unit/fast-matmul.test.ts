import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installFastKernels, uninstallFastKernels } from '../../src/lib/fast-matmul/install';
import { productLayout } from '../../src/lib/fast-matmul/kernels';
import { batchMatMulCases, fusedMatMulCases, type KernelSwitch, reference, SHAPES, swappedIsExact, tolerance, TRANSPOSES } from '../kernels/matmul-cases';

const EPS = 1.1920929e-7;
const kernels: KernelSwitch = { install: () => installFastKernels('wasm'), uninstall: () => uninstallFastKernels('wasm') };

function operand(batch: number[], rows: number, cols: number, transposed: boolean, seed: number): tf.Tensor {
  return tf.randomUniform([...batch, ...(transposed ? [cols, rows] : [rows, cols])], -1, 1, 'float32', seed);
}

function maxAbsDiff(x: tf.Tensor, y: tf.Tensor): number {
  return tf.tidy(() => x.sub(y).abs().max().dataSync()[0]);
}

function maxDiffFrom(x: tf.Tensor, want: number[]): number {
  const got = x.dataSync();
  expect(got.length).toBe(want.length);
  return want.reduce((worst, v, i) => Math.max(worst, Math.abs(got[i] - v)), 0);
}

/** Runs `f` with the stock kernels, then with the replacements; returns both results. */
function stockAndFast(f: () => tf.Tensor): [tf.Tensor, tf.Tensor] {
  uninstallFastKernels('wasm');
  const stock = f();
  installFastKernels('wasm');
  const fast = f();
  return [stock, fast];
}

describe('fast wasm matrix-product kernels', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    expect(await tf.setBackend('wasm')).toBe(true);
    await tf.ready();
  });
  afterAll(() => uninstallFastKernels('wasm'));

  it('installs idempotently on wasm and not at all elsewhere', () => {
    expect(installFastKernels('wasm').installed.sort()).toEqual(['BatchMatMul', '_FusedMatMul']);
    const func = tf.getKernel('BatchMatMul', 'wasm').kernelFunc;
    expect(installFastKernels('wasm').installed).toHaveLength(2);
    expect(tf.getKernel('BatchMatMul', 'wasm').kernelFunc).toBe(func);
    expect(installFastKernels('tensorflow').installed).toEqual([]);
    uninstallFastKernels('wasm');
    expect(tf.getKernel('BatchMatMul', 'wasm').kernelFunc).not.toBe(func);
  });

  // The same cases run in Chromium: test/browser/kernels.test.ts.
  it('BatchMatMul matches stock and a float64 reference on every shape and transpose', () => {
    const results = batchMatMulCases(tf, kernels);
    expect(results).toHaveLength(SHAPES.length * TRANSPOSES.length + TRANSPOSES.length);
    for (const r of results) {
      expect(r.shapeOk, r.name).toBe(true);
      expect(r.fastVsStock, r.name).toBeLessThanOrEqual(r.tolerance);
      expect(r.fastVsReference, r.name).toBeLessThanOrEqual(r.tolerance);
    }
  });

  it('_FusedMatMul with bias and relu matches a float64 reference, transposed or not', () => {
    const results = fusedMatMulCases(tf, kernels);
    expect(results).toHaveLength(2 * TRANSPOSES.length);
    for (const r of results) {
      expect(r.shapeOk, r.name).toBe(true);
      expect(r.fastVsReference, r.name).toBeLessThanOrEqual(r.tolerance);
      if (!Number.isNaN(r.fastVsStock)) expect(r.fastVsStock, r.name).toBeLessThanOrEqual(r.tolerance);
    }
    // The stock kernel is plainly wrong with a transposed operand plus bias (tfjs-backend-wasm
    // 4.22): one more reason to route around it.
    kernels.uninstall();
    const a = operand([], 19, 33, true, 3);
    const b = operand([], 33, 10, false, 4);
    const bias = tf.randomUniform([10], -1, 1, 'float32', 5);
    const stock = tf.fused.matMul({ a, b, transposeA: true, bias, activation: 'relu' });
    const want = reference(a, b, true, false).map((v, i) => Math.max(0, v + bias.dataSync()[i % 10]));
    expect(maxDiffFrom(stock, want)).toBeGreaterThan(tolerance(33) + EPS);
    tf.dispose([a, b, bias, stock]);
  });

  it('packs whichever operand is cheaper: the weights of a wide layer are not repacked each step', () => {
    expect(productLayout(128, 784, 512, false, false)).toBe('swapped');
    expect(productLayout(128, 256, 512, false, true)).toBe('swapped');
    expect(productLayout(784, 128, 512, true, false)).toBe('plain');
    expect(productLayout(1000, 784, 512, false, false)).toBe('plain');
    expect(productLayout(5, 61, 203, true, true)).toBe('swapped');
  });

  it('computes the swapped layout bit for bit as the stock kernel does', () => {
    expect(swappedIsExact(tf, kernels)).toEqual({ identical: true, leakedBuffers: 0 });
  });

  it('keeps a bias on its own axis: _FusedMatMul with bias is never swapped', () => {
    const a = operand([], 5, 61, false, 23);
    const b = operand([], 61, 203, false, 24);
    const bias = tf.randomUniform([203], -1, 1, 'float32', 25);
    installFastKernels('wasm');
    const fast = tf.fused.matMul({ a, b, bias, activation: 'relu' });
    const biasValues = bias.dataSync();
    const want = reference(a, b, false, false).map((v, i) => Math.max(0, v + biasValues[i % 203]));
    expect(maxDiffFrom(fast, want)).toBeLessThanOrEqual(tolerance(61) + EPS);
    tf.dispose([a, b, bias, fast]);
  });

  it('detects a wrong product (the comparison can fail)', () => {
    installFastKernels('wasm');
    const a = operand([], 8, 8, false, 9);
    const b = operand([], 8, 8, false, 10);
    const right = tf.matMul(a, b);
    const wrong = tf.matMul(a, b, false, true);
    expect(maxAbsDiff(right, wrong)).toBeGreaterThan(100 * tolerance(8));
    tf.dispose([a, b, right, wrong]);
  });

  it('is deterministic and frees its transposed copies', () => {
    installFastKernels('wasm');
    const a = operand([], 64, 100, true, 11);
    const b = operand([], 100, 30, true, 12);
    const before = tf.memory().numTensors;
    const buffers = tf.engine().backend.numDataIds();
    const first = tf.matMul(a, b, true, true);
    const second = tf.matMul(a, b, true, true);
    expect(Buffer.from(first.dataSync().buffer).equals(Buffer.from(second.dataSync().buffer))).toBe(true);
    tf.dispose([first, second]);
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
    tf.dispose([a, b]);
  });

  it('trains a dense layer to the same weights as the stock kernels, within rounding', () => {
    const x = tf.randomUniform([50, 20], 0, 1, 'float32', 13);
    const y = tf.oneHot(tf.randomUniform([50], 0, 3, 'int32', 14), 3).cast('float32');
    const trainedKernel = (): tf.Tensor => {
      const w = tf.variable(tf.randomUniform([20, 3], -0.5, 0.5, 'float32', 15));
      const opt = tf.train.rmsprop(0.01);
      for (let i = 0; i < 5; i++) opt.minimize(() => tf.losses.softmaxCrossEntropy(y, x.matMul(w)) as tf.Scalar);
      opt.dispose();
      const out = w.clone();
      w.dispose();
      return out;
    };
    const [stock, fast] = stockAndFast(trainedKernel);
    expect(maxAbsDiff(stock, fast)).toBeLessThanOrEqual(1e-5);
    tf.dispose([x, y, stock, fast]);
  });
});

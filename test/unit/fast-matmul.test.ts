import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installFastKernels, uninstallFastKernels } from '../../src/lib/fast-matmul/install';
import { productLayout } from '../../src/lib/fast-matmul/kernels';

/** [m, k, n] triples that are not multiples of any block size (XNNPACK tiles are 4/8 wide). */
const SHAPES: [number, number, number][] = [
  [37, 129, 53],
  [1, 17, 5],
  [130, 7, 1],
  [9, 300, 11],
  // Wide and short: cheaper to pack the left operand, so computed as (B^T A^T)^T.
  [5, 61, 203],
];
const TRANSPOSES: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];
const EPS = 1.1920929e-7;

function operand(batch: number[], rows: number, cols: number, transposed: boolean, seed: number): tf.Tensor {
  return tf.randomUniform([...batch, ...(transposed ? [cols, rows] : [rows, cols])], -1, 1, 'float32', seed);
}

/** Products of `k` terms in [-1, 1] summed in any order agree within this bound. */
function tolerance(k: number): number {
  return 4 * k * EPS;
}

function maxAbsDiff(x: tf.Tensor, y: tf.Tensor): number {
  return tf.tidy(() => x.sub(y).abs().max().dataSync()[0]);
}

/** The product of rank-2 `a` and `b` in float64, row-major [m, n]. */
function reference(a: tf.Tensor, b: tf.Tensor, ta: boolean, tb: boolean): number[] {
  const [ar, ac] = a.shape;
  const [br, bc] = b.shape;
  const [m, k, n] = [ta ? ac : ar, ta ? ar : ac, tb ? br : bc];
  const x = a.dataSync();
  const y = b.dataSync();
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += x[ta ? p * ac + i : i * ac + p] * y[tb ? j * bc + p : p * bc + j];
      out.push(sum);
    }
  }
  return out;
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

  for (const [m, k, n] of SHAPES) {
    for (const [ta, tb] of TRANSPOSES) {
      it(`BatchMatMul ${m}x${k}x${n} transposeA=${ta} transposeB=${tb} matches stock`, () => {
        const a = operand([], m, k, ta, m + k);
        const b = operand([], k, n, tb, n + 7);
        const [stock, fast] = stockAndFast(() => tf.matMul(a, b, ta, tb));
        expect(fast.shape).toEqual([m, n]);
        expect(maxAbsDiff(stock, fast)).toBeLessThanOrEqual(tolerance(k));
        expect(maxDiffFrom(fast, reference(a, b, ta, tb))).toBeLessThanOrEqual(tolerance(k));
        tf.dispose([a, b, stock, fast]);
      });
    }
  }

  it('BatchMatMul with batch dimensions and broadcasting matches stock', () => {
    for (const [ta, tb] of TRANSPOSES) {
      const a = operand([3], 13, 21, ta, 1);
      const b = operand([1], 21, 6, tb, 2);
      const [stock, fast] = stockAndFast(() => tf.matMul(a, b, ta, tb));
      expect(fast.shape).toEqual([3, 13, 6]);
      expect(maxAbsDiff(stock, fast)).toBeLessThanOrEqual(tolerance(21));
      tf.dispose([a, b, stock, fast]);
    }
  });

  for (const [ta, tb] of TRANSPOSES) {
    it(`_FusedMatMul with bias and relu, transposeA=${ta} transposeB=${tb}, matches a float64 reference`, () => {
      const a = operand([], 19, 33, ta, 3);
      const b = operand([], 33, 10, tb, 4);
      const bias = tf.randomUniform([10], -1, 1, 'float32', 5);
      const expected = reference(a, b, ta, tb).map((v, i) => Math.max(0, v + bias.dataSync()[i % 10]));
      for (const activation of ['relu', 'linear'] as const) {
        const [stock, fast] = stockAndFast(() =>
          tf.fused.matMul({ a, b, transposeA: ta, transposeB: tb, bias: activation === 'relu' ? bias : undefined, activation }),
        );
        const want = activation === 'relu' ? expected : reference(a, b, ta, tb);
        expect(maxDiffFrom(fast, want)).toBeLessThanOrEqual(tolerance(33) + EPS);
        // The stock kernel is right without transposes, and plainly wrong with a transposed
        // operand plus bias (tfjs-backend-wasm 4.22): one more reason to route around it.
        const stockRight = (!ta && !tb) || activation === 'linear';
        expect(maxDiffFrom(stock, want) <= tolerance(33) + EPS).toBe(stockRight);
        tf.dispose([stock, fast]);
      }
      tf.dispose([a, b, bias]);
    });
  }

  it('packs whichever operand is cheaper: the weights of a wide layer are not repacked each step', () => {
    expect(productLayout(128, 784, 512, false, false)).toBe('swapped');
    expect(productLayout(128, 256, 512, false, true)).toBe('swapped');
    expect(productLayout(784, 128, 512, true, false)).toBe('plain');
    expect(productLayout(1000, 784, 512, false, false)).toBe('plain');
    expect(productLayout(5, 61, 203, true, true)).toBe('swapped');
  });

  it('computes the swapped layout bit for bit as the stock kernel does', () => {
    const a = operand([], 5, 61, false, 21);
    const b = operand([], 61, 203, false, 22);
    const [stock, fast] = stockAndFast(() => tf.matMul(a, b));
    expect(Buffer.from(fast.dataSync().buffer).equals(Buffer.from(stock.dataSync().buffer))).toBe(true);
    tf.dispose([stock, fast]);
    // and leaves no intermediate buffers behind
    const buffers = tf.engine().backend.numDataIds();
    tf.matMul(a, b).dispose();
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
    tf.dispose([a, b]);
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

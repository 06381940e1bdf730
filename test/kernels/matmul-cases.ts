/**
 * The fast matrix-product kernels' checks as plain functions that return measurements, so the
 * same cases run under vitest in Node (test/unit/fast-matmul.test.ts) and in Chromium
 * (test/browser/kernels.test.ts, bundled into a test page). Each case compares the fast kernels
 * with the stock ones and with a float64 reference; the tests assert on the numbers.
 */
import type * as TF from '@tensorflow/tfjs';

type Tf = typeof TF;

/** Installs or removes the fast kernels on the wasm backend. */
export interface KernelSwitch {
  install(): void;
  uninstall(): void;
}

/** One case's outcome: the worst differences found and the bound they must stay within. */
export interface CaseResult {
  name: string;
  /** Largest |fast - stock| over the outputs (NaN where the stock kernel is known wrong). */
  fastVsStock: number;
  /** Largest |fast - float64 reference|. */
  fastVsReference: number;
  tolerance: number;
  shapeOk: boolean;
}

/** [m, k, n] triples that are not multiples of any block size (XNNPACK tiles are 4/8 wide). */
export const SHAPES: [number, number, number][] = [
  [37, 129, 53],
  [1, 17, 5],
  [130, 7, 1],
  [9, 300, 11],
  // Wide and short: cheaper to pack the left operand, so computed as (B^T A^T)^T.
  [5, 61, 203],
];
/** [transposeA, transposeB]: every combination. */
export const TRANSPOSES: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];
const EPS = 1.1920929e-7;

/** Products of `k` terms in [-1, 1] summed in any order agree within this bound. */
export function tolerance(k: number): number {
  return 4 * k * EPS;
}

function operand(tf: Tf, batch: number[], rows: number, cols: number, transposed: boolean, seed: number): TF.Tensor {
  return tf.randomUniform([...batch, ...(transposed ? [cols, rows] : [rows, cols])], -1, 1, 'float32', seed);
}

/** The product of rank-2 `a` and `b` in float64, row-major [m, n]. */
export function reference(a: TF.Tensor, b: TF.Tensor, ta: boolean, tb: boolean): number[] {
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

function maxDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
  return worst;
}

/** Runs `f` with the stock kernels, then with the replacements; returns both results' values. */
function stockAndFast(kernels: KernelSwitch, f: () => TF.Tensor): [TF.Tensor, TF.Tensor] {
  kernels.uninstall();
  const stock = f();
  kernels.install();
  const fast = f();
  return [stock, fast];
}

/** BatchMatMul on every shape and transpose combination, plain and with batch broadcasting. */
export function batchMatMulCases(tf: Tf, kernels: KernelSwitch): CaseResult[] {
  const results: CaseResult[] = [];
  for (const [m, k, n] of SHAPES) {
    for (const [ta, tb] of TRANSPOSES) {
      const a = operand(tf, [], m, k, ta, m + k);
      const b = operand(tf, [], k, n, tb, n + 7);
      const [stock, fast] = stockAndFast(kernels, () => tf.matMul(a, b, ta, tb));
      results.push({
        name: `BatchMatMul ${m}x${k}x${n} transposeA=${ta} transposeB=${tb}`,
        fastVsStock: maxDiff(fast.dataSync(), stock.dataSync()),
        fastVsReference: maxDiff(fast.dataSync(), reference(a, b, ta, tb)),
        tolerance: tolerance(k),
        shapeOk: fast.shape.join('x') === `${m}x${n}`,
      });
      tf.dispose([a, b, stock, fast]);
    }
  }
  for (const [ta, tb] of TRANSPOSES) {
    const a = operand(tf, [3], 13, 21, ta, 1);
    const b = operand(tf, [1], 21, 6, tb, 2);
    const [stock, fast] = stockAndFast(kernels, () => tf.matMul(a, b, ta, tb));
    results.push({
      name: `BatchMatMul [3]x13x21 by [1]x21x6 transposeA=${ta} transposeB=${tb}`,
      fastVsStock: maxDiff(fast.dataSync(), stock.dataSync()),
      // Each of the three products against its own float64 reference.
      fastVsReference: Math.max(
        ...[0, 1, 2].map((i) =>
          tf.tidy(() => {
            const ai = a.slice([i, 0, 0], [1, ...a.shape.slice(1)]).reshape(a.shape.slice(1));
            const bi = b.reshape(b.shape.slice(1));
            const fi = fast.slice([i, 0, 0], [1, 13, 6]).dataSync();
            return maxDiff(fi, reference(ai, bi, ta, tb));
          }),
        ),
      ),
      tolerance: tolerance(21),
      shapeOk: fast.shape.join('x') === '3x13x6',
    });
    tf.dispose([a, b, stock, fast]);
  }
  return results;
}

/**
 * _FusedMatMul with bias and relu (and linear, bias-free), every transpose combination. The stock
 * kernel is wrong with a transposed operand plus bias (tfjs-backend-wasm 4.22), so `fastVsStock`
 * is only reported where the stock result is right.
 */
export function fusedMatMulCases(tf: Tf, kernels: KernelSwitch): CaseResult[] {
  const results: CaseResult[] = [];
  for (const [ta, tb] of TRANSPOSES) {
    const a = operand(tf, [], 19, 33, ta, 3);
    const b = operand(tf, [], 33, 10, tb, 4);
    const bias = tf.randomUniform([10], -1, 1, 'float32', 5);
    const biasValues = bias.dataSync();
    for (const activation of ['relu', 'linear'] as const) {
      const [stock, fast] = stockAndFast(kernels, () =>
        tf.fused.matMul({ a, b, transposeA: ta, transposeB: tb, bias: activation === 'relu' ? bias : undefined, activation }),
      );
      const plain = reference(a, b, ta, tb);
      const want = activation === 'relu' ? plain.map((v, i) => Math.max(0, v + biasValues[i % 10])) : plain;
      const stockRight = (!ta && !tb) || activation === 'linear';
      results.push({
        name: `_FusedMatMul ${activation}${activation === 'relu' ? ' with bias' : ''} transposeA=${ta} transposeB=${tb}`,
        fastVsStock: stockRight ? maxDiff(fast.dataSync(), stock.dataSync()) : NaN,
        fastVsReference: maxDiff(fast.dataSync(), want),
        tolerance: tolerance(33) + EPS,
        shapeOk: fast.shape.join('x') === '19x10',
      });
      tf.dispose([stock, fast]);
    }
    tf.dispose([a, b, bias]);
  }
  return results;
}

/** The swapped layout gives the stock kernel's bytes exactly and leaves no buffers behind. */
export function swappedIsExact(tf: Tf, kernels: KernelSwitch): { identical: boolean; leakedBuffers: number } {
  const a = operand(tf, [], 5, 61, false, 21);
  const b = operand(tf, [], 61, 203, false, 22);
  const [stock, fast] = stockAndFast(kernels, () => tf.matMul(a, b));
  const x = fast.dataSync();
  const y = stock.dataSync();
  const identical = x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  tf.dispose([stock, fast]);
  const buffers = tf.engine().backend.numDataIds();
  tf.matMul(a, b).dispose();
  const leakedBuffers = tf.engine().backend.numDataIds() - buffers;
  tf.dispose([a, b]);
  return { identical, leakedBuffers };
}

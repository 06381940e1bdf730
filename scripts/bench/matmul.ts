import * as tf from '@tensorflow/tfjs';

/** A matrix product of training: [m, k] x [k, n], with the flags backpropagation uses. */
export interface Product {
  label: string;
  m: number;
  k: number;
  n: number;
  transposeA: boolean;
  transposeB: boolean;
}

/** The large products of one 784-512-256-10 step on a batch of 128. */
export const MLP_PRODUCTS: readonly Product[] = [
  { label: 'forward x.W1', m: 128, k: 784, n: 512, transposeA: false, transposeB: false },
  { label: 'grad W1 = xT.d1', m: 784, k: 128, n: 512, transposeA: true, transposeB: false },
  { label: 'grad W2 = h1T.d2', m: 512, k: 128, n: 256, transposeA: true, transposeB: false },
  { label: 'grad h1 = d2.W2T', m: 128, k: 256, n: 512, transposeA: false, transposeB: true },
];

/**
 * GFLOP/s of `p` on the active backend, best of a few timed repeats after a warm-up. Each repeat
 * multiplies fresh copies of the operands, as training does (its weights change every step), so
 * backends that cache work per operand (XNNPACK packs the right-hand one) get no free repeats.
 */
export function productGflops(p: Product, repeats = 10): number {
  const a = tf.randomUniform(p.transposeA ? [p.k, p.m] : [p.m, p.k], -1, 1, 'float32', 1);
  const b = tf.randomUniform(p.transposeB ? [p.n, p.k] : [p.k, p.n], -1, 1, 'float32', 2);
  let best = Infinity;
  try {
    for (let i = 0; i < repeats + 2; i++) {
      const [a2, b2] = [a.add(0), b.add(0)];
      a2.dataSync();
      b2.dataSync();
      const started = performance.now();
      const c = tf.matMul(a2, b2, p.transposeA, p.transposeB);
      c.dataSync();
      if (i >= 2) best = Math.min(best, performance.now() - started);
      tf.dispose([a2, b2, c]);
    }
  } finally {
    tf.dispose([a, b]);
  }
  return (2 * p.m * p.k * p.n) / (best / 1000) / 1e9;
}

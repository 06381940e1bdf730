import * as tf from '@tensorflow/tfjs';

/**
 * Replacement matrix-product kernels for the wasm backend. Its transposed BatchMatMul paths run a
 * naive loop (about 1 GFLOP/s here) while the plain path uses XNNPACK (about 20 GFLOP/s), so the
 * replacements copy each transposed operand into row-major order with the backend's own Transpose
 * kernel and hand the plain product to the stock kernel. Same products, same summation per output.
 *
 * XNNPACK also repacks its right-hand operand on every call with new data, a scalar loop that
 * costs about four times a transpose per element: for the 784x512 first-layer weights, which
 * change every step, the packing takes longer than the product. So a bias-free product may be
 * computed as C = (B^T A^T)^T instead, which packs A rather than B, when `productLayout` says the
 * transposes that costs are cheaper than the packing it saves.
 */

type Backend = tf.KernelBackend;

interface MatMulInputs {
  a: tf.TensorInfo;
  b: tf.TensorInfo;
  [name: string]: tf.TensorInfo;
}

/** Relative cost per element of XNNPACK's weight packing, against 1 for a transpose (measured). */
const PACK_COST = 4;

/**
 * Whether to compute A.B as is (`plain`: B is packed) or as (B^T A^T)^T (`swapped`: A is packed),
 * for an [m, k] x [k, n] product whose operands arrive transposed or not, counting element moves:
 * transposes to make the packed operand row-major, the packing itself, and for `swapped` the
 * transpose of the [n, m] result.
 */
export function productLayout(m: number, k: number, n: number, transposeA: boolean, transposeB: boolean): 'plain' | 'swapped' {
  const plain = (transposeA ? m * k : 0) + (transposeB ? k * n : 0) + PACK_COST * k * n;
  const swapped = (transposeB ? 0 : k * n) + (transposeA ? 0 : m * k) + PACK_COST * k * m + m * n;
  return swapped < plain ? 'swapped' : 'plain';
}

/** Swaps the last two axes of `x` physically; the caller frees the result with `disposeData`. */
function transposeLastTwo(x: tf.TensorInfo, backend: Backend, transpose: tf.KernelFunc): tf.TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return transpose({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
}

/**
 * Wraps a stock matrix-product kernel (BatchMatMul or _FusedMatMul, whose attributes both carry
 * `transposeA` and `transposeB`) so transposed operands go through the stock plain path, and
 * bias-free products whose right operand is the costlier one to pack are computed swapped.
 */
export function untransposingKernel(stock: tf.KernelConfig, transposeKernel: tf.KernelConfig): tf.KernelConfig {
  const stockFunc = stock.kernelFunc;
  const transpose = transposeKernel.kernelFunc;
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { transposeA = false, transposeB = false } = (attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    const be = backend as Backend;
    const { a, b } = inputs as MatMulInputs;
    const plainAttrs = { ...attrs, transposeA: false, transposeB: false };
    const freed: tf.TensorInfo[] = [];
    const copy = (x: tf.TensorInfo): tf.TensorInfo => {
      const t = transposeLastTwo(x, be, transpose);
      freed.push(t);
      return t;
    };
    try {
      if (canSwap(inputs, attrs, a, b)) {
        const [m, k, n] = dims(a, b, transposeA, transposeB);
        if (productLayout(m, k, n, transposeA, transposeB) === 'swapped') {
          // B^T is b as stored when transposeB, A^T is a as stored when transposeA.
          const left = transposeB ? b : copy(b);
          const right = transposeA ? a : copy(a);
          const productT = stockFunc({ inputs: { ...inputs, a: left, b: right }, backend, attrs: plainAttrs }) as tf.TensorInfo;
          freed.push(productT);
          return transposeLastTwo(productT, be, transpose);
        }
      }
      if (!transposeA && !transposeB) return stockFunc({ inputs, backend, attrs });
      return stockFunc({
        inputs: { ...inputs, a: transposeA ? copy(a) : a, b: transposeB ? copy(b) : b },
        backend,
        attrs: plainAttrs,
      });
    } finally {
      for (const t of freed) be.disposeData(t.dataId);
    }
  };
  return { ...stock, kernelFunc };
}

/** [m, k, n] of the product, from the operands' last two axes. */
function dims(a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean): [number, number, number] {
  const [ar, ac] = a.shape.slice(-2);
  const [br, bc] = b.shape.slice(-2);
  return [transposeA ? ac : ar, transposeA ? ar : ac, transposeB ? br : bc];
}

/**
 * Swapping is exact only where the output is a plain product: no bias (added along the other
 * axis once swapped) or pre-activation weights, and a single matrix on each side.
 */
function canSwap(inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap | undefined, a: tf.TensorInfo, b: tf.TensorInfo): boolean {
  const fusedExtras = Object.entries(inputs).some(([name, t]) => name !== 'a' && name !== 'b' && t != null);
  const activation = (attrs as { activation?: string } | undefined)?.activation;
  const batchOfOne = (t: tf.TensorInfo) => t.shape.slice(0, -2).every((d) => d === 1);
  return !fusedExtras && (activation == null || activation === 'linear') && batchOfOne(a) && batchOfOne(b);
}

import * as tf from '@tensorflow/tfjs';

/**
 * Replacement matrix-product kernels for the wasm backend. Its transposed BatchMatMul paths run a
 * naive loop (about 1 GFLOP/s here) while the plain path uses XNNPACK (about 20 GFLOP/s), so the
 * replacements copy each transposed operand into row-major order with the backend's own Transpose
 * kernel and hand the plain product to the stock kernel. Same products, same summation per output.
 */

type Backend = tf.KernelBackend;

interface MatMulInputs {
  a: tf.TensorInfo;
  b: tf.TensorInfo;
  [name: string]: tf.TensorInfo;
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
 * `transposeA` and `transposeB`) so transposed operands go through the stock plain path.
 */
export function untransposingKernel(stock: tf.KernelConfig, transposeKernel: tf.KernelConfig): tf.KernelConfig {
  const stockFunc = stock.kernelFunc;
  const transpose = transposeKernel.kernelFunc;
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { transposeA, transposeB } = (attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    if (!transposeA && !transposeB) return stockFunc({ inputs, backend, attrs });
    const be = backend as Backend;
    const { a, b } = inputs as MatMulInputs;
    const freed: tf.TensorInfo[] = [];
    try {
      const aPlain = transposeA ? transposeLastTwo(a, be, transpose) : a;
      if (transposeA) freed.push(aPlain);
      const bPlain = transposeB ? transposeLastTwo(b, be, transpose) : b;
      if (transposeB) freed.push(bPlain);
      return stockFunc({
        inputs: { ...inputs, a: aPlain, b: bPlain },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    } finally {
      for (const t of freed) be.disposeData(t.dataId);
    }
  };
  return { ...stock, kernelFunc };
}

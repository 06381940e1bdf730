import * as tf from '@tensorflow/tfjs';
import { untransposingKernel } from './kernels';

/** Kernels this module replaces, per backend. tfjs-node and others are left alone. */
const REPLACED: Record<string, readonly string[]> = {
  wasm: [tf.BatchMatMul, tf._FusedMatMul],
};

/** The stock kernels we displaced, keyed `backend/kernel`, so they can be called and restored. */
const stockKernels = new Map<string, tf.KernelConfig>();

/**
 * Registers the fast matrix-product kernels for `backendName` (currently only `wasm`).
 * Idempotent; returns the kernel names now replaced (empty on other backends).
 */
export function installFastKernels(backendName: string): { installed: string[] } {
  const names = REPLACED[backendName] ?? [];
  for (const name of names) {
    const key = `${backendName}/${name}`;
    if (stockKernels.has(key)) continue;
    const stock = tf.getKernel(name, backendName);
    const transpose = tf.getKernel(tf.Transpose, backendName);
    if (!stock || !transpose) throw new Error(`the ${backendName} backend has no ${stock ? tf.Transpose : name} kernel to wrap`);
    const replacement = untransposingKernel(stock, transpose);
    tf.unregisterKernel(name, backendName);
    tf.registerKernel(replacement);
    stockKernels.set(key, stock);
  }
  return { installed: [...names] };
}

/** Puts the stock kernels back (for benchmarks and tests that compare both). */
export function uninstallFastKernels(backendName: string): void {
  for (const name of REPLACED[backendName] ?? []) {
    const key = `${backendName}/${name}`;
    const stock = stockKernels.get(key);
    if (!stock) continue;
    tf.unregisterKernel(name, backendName);
    tf.registerKernel(stock);
    stockKernels.delete(key);
  }
}

/**
 * Test page entry: runs the fast matrix-product kernels' shared cases on the wasm backend in the
 * browser, with the threaded build when the page is cross-origin isolated.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { installFastKernels, uninstallFastKernels } from '../../../src/lib/fast-matmul/install';
import { withCoreCount } from '../../../src/live/wasm-threads';
import { batchMatMulCases, type CaseResult, fusedMatMulCases, swappedIsExact } from '../../kernels/matmul-cases';

/** What the page found, for test/browser/kernels.test.ts to assert on. */
export interface KernelReport {
  backend: string;
  threads: number;
  isolated: boolean;
  installed: string[];
  batch: CaseResult[];
  fused: CaseResult[];
  swapped: { identical: boolean; leakedBuffers: number };
}

async function run(): Promise<KernelReport> {
  setWasmPaths(new URL('./', location.href).href);
  const threads = crossOriginIsolated ? 2 : 1;
  setThreadsCount(threads);
  // As the training worker does it, so that a 2-core machine gets 2 threads.
  if (!(await withCoreCount(threads, () => tf.setBackend('wasm')))) throw new Error('the wasm backend did not start');
  await tf.ready();
  const kernels = { install: () => void installFastKernels('wasm'), uninstall: () => uninstallFastKernels('wasm') };
  const { installed } = installFastKernels('wasm');
  const report = {
    backend: tf.getBackend(),
    threads: getThreadsCount(),
    isolated: crossOriginIsolated,
    installed,
    batch: batchMatMulCases(tf, kernels),
    fused: fusedMatMulCases(tf, kernels),
    swapped: swappedIsExact(tf, kernels),
  };
  uninstallFastKernels('wasm');
  return report;
}

(window as unknown as { kernelReport: Promise<KernelReport> }).kernelReport = run();

import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Stderr of a fresh Node process that stores one tensor on the CPU backend, quieted first or not. */
function stderrOfFirstTensor(quiet: boolean): string {
  const script = [
    "import * as tf from '@tensorflow/tfjs';",
    "import { quietCpuBanner } from './scripts/quiet-cpu-banner.ts';",
    quiet ? 'quietCpuBanner();' : '',
    "await tf.setBackend('cpu');",
    'tf.tensor([1, 2]).dispose();',
    // Another TensorFlow.js warning, which must still print.
    "tf.registerBackend('cpu', () => tf.findBackend('cpu'));",
  ].join('\n');
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, ['--input-type=module', '--eval', script], { cwd: ROOT, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stderr;
}

describe('quietCpuBanner', () => {
  it('keeps the CPU backend’s tfjs-node banner out of the output and no other warning', { timeout: 60_000 }, () => {
    const loud = stderrOfFirstTensor(false);
    expect(loud).toContain('install our node backend');
    const quiet = stderrOfFirstTensor(true);
    expect(quiet).not.toContain('install our node backend');
    expect(quiet).toContain('cpu backend was already registered');
  });
});

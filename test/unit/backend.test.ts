import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { chooseBackend, TFJS_NODE_MISSING } from '../../scripts/backend';

function hasTfjsNode(): boolean {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

describe('chooseBackend', () => {
  it('honours a forced backend', async () => {
    const choice = await chooseBackend('cpu');
    expect(choice.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('prefers tfjs-node, else wasm, and says why', async () => {
    const choice = await chooseBackend();
    expect(tf.getBackend()).toBe(choice.name);
    if (hasTfjsNode()) {
      expect(choice.name).toBe('tensorflow');
    } else {
      expect(choice.name).toBe('wasm');
      expect(choice.reason).toContain(TFJS_NODE_MISSING);
      expect(choice.reason).not.toContain('Cannot find package');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { workerChunk } from '../../src/integrations/worker-chunks';

const NM = '/repo/node_modules/@tensorflow';

describe('workerChunk', () => {
  it('leaves the worker entry to its own chunk', () => {
    expect(workerChunk('/repo/src/live/train-worker.ts')).toBeUndefined();
  });

  it('gives each lazily started backend its own chunk, CommonJS wrappers included', () => {
    expect(workerChunk(`${NM}/tfjs-backend-wasm/dist/index.js`)).toBe('tfjs-backend-wasm');
    expect(workerChunk(`\0${NM}/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm.js?commonjs-module`)).toBe('tfjs-backend-wasm');
    expect(workerChunk(`${NM}/tfjs-backend-webgpu/dist/index.js`)).toBe('tfjs-backend-webgpu');
  });

  it('puts everything else the entry needs, the binaries\' URLs included, into the shared chunk', () => {
    expect(workerChunk(`${NM}/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url`)).toBe('train-worker-shared');
    expect(workerChunk(`${NM}/tfjs-core/dist/index.js`)).toBe('train-worker-shared');
    expect(workerChunk('/repo/src/live/worker-backend.ts')).toBe('train-worker-shared');
    expect(workerChunk('\0commonjsHelpers.js')).toBe('train-worker-shared');
  });
});

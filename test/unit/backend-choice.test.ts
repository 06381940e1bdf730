import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING } from '../../src/experiment/training';
import { autoChoiceText, keepAutoChoice, pageAutoChoice } from '../../src/live/auto-choice';
import { chooseFastestBackend, fastestRate } from '../../src/live/backend-probe';
import type { AutoChoice } from '../../src/live/protocol';

const noDigits = { count: 0, images: new Uint8Array(0), labels: new Uint8Array(0) };

describe("the training worker's choice of backend", () => {
  it('keeps the fastest measured rate, the first of equals', () => {
    expect(fastestRate([])).toBeNull();
    expect(fastestRate([{ backend: 'wasm', samplesPerSecond: 4100 }, { backend: 'webgpu', samplesPerSecond: 9000 }])?.backend).toBe('webgpu');
    expect(fastestRate([{ backend: 'webgpu', samplesPerSecond: 0 }, { backend: 'wasm', samplesPerSecond: 90 }])?.backend).toBe('wasm');
    expect(fastestRate([{ backend: 'wasm', samplesPerSecond: 50 }, { backend: 'webgpu', samplesPerSecond: 50 }])?.backend).toBe('wasm');
  });

  it('times nothing when there is nothing to choose', async () => {
    expect(await chooseFastestBackend(['wasm'], 'linear', DEFAULT_TRAINING, noDigits, true)).toEqual({ backend: 'wasm', rates: [], ms: 0 });
    expect(await chooseFastestBackend([], 'linear', DEFAULT_TRAINING, noDigits, true)).toEqual({ backend: 'cpu', rates: [], ms: 0 });
  });
});

describe("the page's automatic choice", () => {
  const measured: AutoChoice = {
    backend: 'wasm',
    rates: [
      { backend: 'webgpu', samplesPerSecond: 90.4 },
      { backend: 'wasm', samplesPerSecond: 4100.2 },
    ],
    ms: 812,
  };

  it('is kept from the first measurement on, for every widget of the page', () => {
    expect(pageAutoChoice()).toBeNull();
    keepAutoChoice(measured);
    keepAutoChoice({ backend: 'webgpu', rates: [], ms: 0 });
    expect(pageAutoChoice()).toBe(measured);
  });

  it('says what it chose, how fast each candidate went and how long timing took', () => {
    expect(autoChoiceText(measured)).toBe('Automatic: WebAssembly, 4,100 images a second (WebGPU: 90), timed in 0.8 s.');
    expect(autoChoiceText({ ...measured, rates: [measured.rates[1], { backend: 'webgpu', samplesPerSecond: 0 }] })).toBe(
      'Automatic: WebAssembly, 4,100 images a second (WebGPU: not warmed up in time), timed in 0.8 s.',
    );
    expect(autoChoiceText({ backend: 'wasm', rates: [], ms: 0 })).toBe('Automatic: WebAssembly, the only backend to choose from in this browser.');
  });
});

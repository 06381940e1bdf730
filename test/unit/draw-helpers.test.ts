import { describe, expect, it } from 'vitest';
import { formatProbability, ranking, summary } from '../../src/draw/bars';
import { asRetrainedModel } from '../../src/draw/retrained';

describe('probability text', () => {
  it('rounds to whole percent and marks tiny values', () => {
    expect(formatProbability(0.873)).toBe('87%');
    expect(formatProbability(0.001)).toBe('<1%');
    expect(formatProbability(0)).toBe('0%');
    expect(formatProbability(1)).toBe('100%');
  });

  it('ranks classes and names the top two', () => {
    const probs = Float32Array.from([0.05, 0, 0.1, 0, 0, 0, 0, 0, 0.85, 0]);
    expect(ranking(probs).slice(0, 3)).toEqual([8, 2, 0]);
    expect(summary(probs)).toBe('The model reads an 8 (85%); next most likely 2 (10%).');
  });
});

describe('retrained-model event detail', () => {
  const modelJson = { modelTopology: {}, weightsManifest: [{ paths: [], weights: [] }] };

  it('accepts the contract', () => {
    const weightData = new ArrayBuffer(8);
    expect(asRetrainedModel({ architecture: 'linear', modelJson, weightData })).toEqual({ architecture: 'linear', modelJson, weightData });
  });

  it('rejects anything else', () => {
    expect(asRetrainedModel(null)).toBeNull();
    expect(asRetrainedModel({ architecture: 'cnn', modelJson, weightData: new ArrayBuffer(8) })).toBeNull();
    expect(asRetrainedModel({ architecture: 'mlp', modelJson: {}, weightData: new ArrayBuffer(8) })).toBeNull();
    expect(asRetrainedModel({ architecture: 'mlp', modelJson, weightData: new Uint8Array(8) })).toBeNull();
  });
});

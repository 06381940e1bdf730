import { describe, expect, it } from 'vitest';
import { buildModelOf, type ModelCandidate } from '../../src/components/data/widget-models';

describe("the retraining widget's build model", () => {
  const variants: ModelCandidate[] = [
    { architecture: 'mlp', trainCount: 500, model: 'models/mlp-500/model.json' },
    { architecture: 'linear', trainCount: 60000, model: 'models/linear-60k/model.json' },
    { architecture: 'mlp', trainCount: 60000, model: 'models/mlp-60k/model.json' },
    { architecture: 'linear', trainCount: 500, model: 'models/linear-500/model.json' },
  ];

  it('is the model of the variant trained on the most images', () => {
    expect(buildModelOf(variants, 'mlp')).toBe('models/mlp-60k/model.json');
    expect(buildModelOf(variants, 'linear')).toBe('models/linear-60k/model.json');
  });

  it('says so when the architecture has no saved model', () => {
    expect(() => buildModelOf(variants.slice(0, 1), 'linear')).toThrow('the manifest has no linear model for the retraining widget');
    expect(() => buildModelOf([{ architecture: 'mlp', trainCount: 10, model: undefined }], 'mlp')).toThrow('no mlp model');
  });
});

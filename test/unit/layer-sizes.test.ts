import { describe, expect, it } from 'vitest';
import { architectureShape, layerSizes } from '../../src/lib/layer-sizes';

describe('layer sizes', () => {
  it('runs from the 784 pixels through the hidden layers to the 10 classes', () => {
    expect(layerSizes('mlp')).toEqual([784, 512, 256, 10]);
    expect(layerSizes('linear')).toEqual([784, 10]);
  });

  it('writes the shape as the page shows it', () => {
    expect(architectureShape('mlp')).toBe('784-512-256-10');
    expect(architectureShape('linear')).toBe('784-10');
  });
});

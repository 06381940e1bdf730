import { describe, expect, it } from 'vitest';
import { RETRAINED_EVENT as drawEvent } from '../../src/draw/retrained';
import { generatedFileUrl, RETRAINED_EVENT } from '../../src/widgets/contract';

describe('the widget contract', () => {
  it('addresses generated files under the base path, always with the fingerprint', () => {
    expect(generatedFileUrl('/', 'models/mlp-60k/model.json', '0123456789abcdef')).toBe('/generated/models/mlp-60k/model.json?v=0123456789ab');
    expect(generatedFileUrl('/site', 'data/browser-train.bin.gz', 'ffffffffffffffff')).toBe('/site/generated/data/browser-train.bin.gz?v=ffffffffffff');
    expect(generatedFileUrl('/site/', 'a.png', 'abc')).toBe('/site/generated/a.png?v=abc');
    expect(() => generatedFileUrl('/', 'a.png', '')).toThrow('generatedFileUrl: no fingerprint for a.png');
  });

  it('gives both widgets the same event name', () => {
    expect(RETRAINED_EVENT).toBe('mnist:retrained');
    expect(drawEvent).toBe(RETRAINED_EVENT);
  });
});

import { describe, expect, it } from 'vitest';
import { asRetrainedModel, fingerprintedUrl, generatedFileUrl, RETRAINED_EVENT } from '../../src/widgets/contract';

describe('the widget contract', () => {
  it('addresses generated files under the base path, always with the fingerprint', () => {
    expect(generatedFileUrl('/', 'models/mlp-60k/model.json', '0123456789abcdef')).toBe('/generated/models/mlp-60k/model.json?v=0123456789ab');
    expect(generatedFileUrl('/site', 'data/browser-train.bin.gz', 'ffffffffffffffff')).toBe('/site/generated/data/browser-train.bin.gz?v=ffffffffffff');
    expect(generatedFileUrl('/site/', 'a.png', 'abc')).toBe('/site/generated/a.png?v=abc');
    expect(() => generatedFileUrl('/', 'a.png', '')).toThrow('fingerprintedUrl: no fingerprint for generated/a.png');
  });

  it('addresses other files of the site the same way, without the generated folder', () => {
    expect(fingerprintedUrl('/site', 'figures/sheet.png', '0123456789abcdef')).toBe('/site/figures/sheet.png?v=0123456789ab');
  });

  it('names the retrained event as the browser tests dispatch it', () => {
    expect(RETRAINED_EVENT).toBe('mnist:retrained');
  });

  describe("the retrained event's detail", () => {
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
});

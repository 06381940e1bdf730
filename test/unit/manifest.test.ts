import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/lib/manifest';

describe('manifest schema', () => {
  it('names the file and every bad field', () => {
    expect(() => parseManifest({ version: 1, profile: 'full' }, 'public/generated/manifest.json')).toThrow(
      /public\/generated\/manifest\.json is not a valid manifest:[\s\S]*fingerprint: Required[\s\S]*variants: Required/,
    );
  });

  it('rejects paths that leave the generated folder', () => {
    expect(() => parseManifest({ samples: { sheet: { path: '../secret.png' } } })).toThrow(/samples\.sheet\.path: must be a path inside the generated folder/);
  });

  it('rejects an accuracy outside 0-1', () => {
    expect(() => parseManifest({ variants: [{ testAccuracy: 1.5 }] })).toThrow(/variants\.0\.testAccuracy/);
  });
});

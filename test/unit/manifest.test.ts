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

  it('checks each seed’s behaviour measures and names the bad field', () => {
    const shift = [{ offset: 0, accuracy: 0.9, perClassAccuracy: new Array(10).fill(0.9) }];
    const behaviour = {
      erase: [{ region: 'top', digit: 6, inked: 10, accuracy: 0.9, erasedAccuracy: 0.8 }],
      erasedAllAccuracy: 0.9,
      plant: [{ region: 'top', digit: 6, flipShare: 0.1, meanProbabilityChange: 0.05 }],
      shift: { rows: shift, columns: shift },
    };
    const errorFor = (b: unknown) => {
      try {
        parseManifest({ variants: [{ seeds: [{ behaviour: b }] }] });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('parseManifest accepted an incomplete manifest');
    };
    expect(errorFor(behaviour)).not.toMatch(/behaviour/);
    expect(errorFor({ ...behaviour, plant: [{ ...behaviour.plant[0], flipShare: 1.5 }] })).toMatch(/variants\.0\.seeds\.0\.behaviour\.plant\.0\.flipShare/);
    expect(errorFor({ ...behaviour, shift: { rows: [{ ...shift[0], perClassAccuracy: [1] }], columns: shift } })).toMatch(
      /variants\.0\.seeds\.0\.behaviour\.shift\.rows\.0\.perClassAccuracy/,
    );
    expect(errorFor({ ...behaviour, erasedAllAccuracy: undefined })).toMatch(/behaviour\.erasedAllAccuracy: Required/);
    expect(errorFor({ ...behaviour, erase: [{ ...behaviour.erase[0], inked: 0 }] })).toMatch(/behaviour\.erase\.0: accuracy and erasedAccuracy must be null exactly when no image inks the region/);
    expect(errorFor({ ...behaviour, erase: [{ ...behaviour.erase[0], inked: 0, accuracy: null, erasedAccuracy: null }] })).not.toMatch(/behaviour/);
  });
});

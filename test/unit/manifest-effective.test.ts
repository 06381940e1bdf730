import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/lib/manifest';

describe('manifest schema: effective templates and top digits', () => {
  it('names a cosine outside -1..1 and a cosine list of the wrong length', () => {
    const bad = { variants: [{ effective: { cosine: [1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0] } }, { effective: { cosine: [0.5] } }] };
    expect(() => parseManifest(bad)).toThrow(/variants\.0\.effective\.cosine\.0:[\s\S]*variants\.1\.effective\.cosine:/);
  });

  it('names a top-digits path that leaves the generated folder', () => {
    expect(() => parseManifest({ variants: [{ topDigits: { path: '/etc/passwd' } }] })).toThrow(
      /variants\.0\.topDigits\.path: must be a path inside the generated folder/,
    );
  });

  it('lets a variant go without either (the linear model)', () => {
    const result = (() => {
      try {
        parseManifest({ variants: [{}] });
        return '';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    })();
    expect(result).not.toMatch(/effective|topDigits/);
    expect(result).toMatch(/variants\.0\.id: Required/);
  });
});

import { describe, expect, it } from 'vitest';
import { insertCspMeta } from '../../src/integrations/csp-build';
import { META_POLICY } from '../../src/site/csp';

describe('insertCspMeta', () => {
  it('puts the policy right after the charset, before anything that loads', () => {
    const html = insertCspMeta('<head><meta charset="utf-8"><link rel="stylesheet" href="/a.css"></head>', 'x.html');
    expect(html).toBe(`<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${META_POLICY}"><link rel="stylesheet" href="/a.css"></head>`);
  });

  it('fails naming the file when the page has no charset to anchor it', () => {
    expect(() => insertCspMeta('<head></head>', 'dist/x.html')).toThrow(/dist\/x\.html/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatShare } from '../../src/present/format';
import { escapeMarkup, rangeMarkup } from '../../src/present/markup';

describe('shared markup strings', () => {
  it('escapes text for HTML and SVG', () => {
    expect(escapeMarkup('a <b> & "c"')).toBe('a &lt;b&gt; &amp; &quot;c&quot;');
  });

  it('writes a seed range in its span, each end formatted and escaped', () => {
    expect(rangeMarkup({ min: 0.003, max: 0.412 }, formatShare)).toBe('<span class="range">&lt;1% to 41%</span>');
  });
});

import { describe, expect, it } from 'vitest';
import { joinStylesheets } from '../../src/integrations/one-stylesheet';

const SHEETS: Record<string, string> = { 'a.1.css': '.a{color:red}\n', 'b.2.css': '.b{color:blue}' };
const read = (name: string) => {
  const css = SHEETS[name];
  if (css === undefined) throw new Error(`no ${name}`);
  return css;
};

describe('joinStylesheets', () => {
  it('replaces the stylesheet links of the assets folder by one, where the first was, with the rules in order and the extra rules last', () => {
    const html =
      '<head><meta charset="utf-8"><link rel="stylesheet" href="/base/_astro/a.1.css"><link rel="icon" href="/x.svg">' +
      '<link rel="stylesheet" href="/base/_astro/b.2.css"><link rel="stylesheet" href="https://cdn.test/c.css"></head>';
    const out = joinStylesheets(html, '/base/', '_astro', read, '.sa-1{width:3px}');
    expect(out.css).toBe('.a{color:red}\n.b{color:blue}\n.sa-1{width:3px}\n');
    expect(out.name).toMatch(/^page\.[0-9a-f]{10}\.css$/);
    expect(out.joined).toEqual(['a.1.css', 'b.2.css']);
    expect(out.html).toBe(
      `<head><meta charset="utf-8"><link rel="stylesheet" href="/base/_astro/${out.name}"><link rel="icon" href="/x.svg">` +
        '<link rel="stylesheet" href="https://cdn.test/c.css"></head>',
    );
  });

  it('links the extra rules at the end of the head when the page had no stylesheet', () => {
    const out = joinStylesheets('<head><title>t</title></head>', '/', '_astro', read, '.sa-1{width:3px}');
    expect(out.html).toBe(`<head><title>t</title><link rel="stylesheet" href="/_astro/${out.name}"></head>`);
  });

  it('names its file by content, so a change of rules changes the name', () => {
    const html = '<head><link rel="stylesheet" href="/_astro/a.1.css"></head>';
    expect(joinStylesheets(html, '/', '_astro', read).name).not.toBe(joinStylesheets(html, '/', '_astro', read, '.x{}').name);
  });

  it('refuses a sheet with @import, naming it', () => {
    const html = '<head><link rel="stylesheet" href="/_astro/i.css"></head>';
    expect(() => joinStylesheets(html, '/', '_astro', () => '@import "x.css";')).toThrow(/_astro\/i\.css/);
  });
});

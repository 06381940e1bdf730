import { describe, expect, it } from 'vitest';
import { hoistStyleAttributes } from '../../src/integrations/style-attributes';

describe('hoistStyleAttributes', () => {
  it('moves each style attribute into a class with the same declarations', () => {
    const r = hoistStyleAttributes('<div class="bar" style="background:linear-gradient(to right, #000, #fff)"></div><p>x</p>');
    expect(r.moved).toBe(1);
    const name = /class="bar (sa-[0-9a-f]{10})"/.exec(r.html)?.[1];
    expect(name).toBeDefined();
    expect(r.html).not.toContain('style=');
    expect(r.css).toBe(`.${name}{background:linear-gradient(to right, #000, #fff)}`);
  });

  it('adds a class attribute where there is none and shares one rule between equal values', () => {
    const r = hoistStyleAttributes('<li style="top:1%;left:2%"></li><span data-x="1" style="top:1%;left:2%">a</span>');
    expect(r.moved).toBe(2);
    expect(r.html).toMatch(/^<li class="sa-[0-9a-f]{10}"><\/li><span class="sa-[0-9a-f]{10}" data-x="1">a<\/span>$/);
    expect(r.css.split('\n')).toHaveLength(1);
  });

  it('decodes entities, drops empty attributes and leaves text and other attributes alone', () => {
    const r = hoistStyleAttributes('<p>a style="x" in text</p><img alt="a > b" style="--q:&quot;x&quot;"><i style=""></i>');
    expect(r.html).toContain('<p>a style="x" in text</p>');
    expect(r.html).toMatch(/<img class="sa-[0-9a-f]{10}" alt="a > b">/);
    expect(r.html).toContain('<i></i>');
    expect(r.css).toMatch(/\{--q:"x"\}$/);
    expect(r.moved).toBe(2);
  });
});

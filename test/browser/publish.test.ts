import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { REFERENCES } from '../../content/references';
import { PREVIEW_IMAGE } from '../../src/lib/preview-image';
import { ROOT } from './harness';
import { ensureBuiltWith } from './setup/ensure-build';

/** The same base-path build as the CSP test's. */
const BASE_PATH = '/mnist-looks-for/';
const BASE_OUT = '.cache/dist-base';
const BASE_SITE = 'https://example.test';

/** The `content` of every `<meta property|name="key">` of a built page, by key. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) tags.set(m[1], m[2].replaceAll('&#39;', "'").replaceAll('&amp;', '&'));
  return tags;
}

const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1];

describe('link previews', () => {
  it('the built page has the Open Graph and Twitter tags, and the image they name is a 1200x630 PNG', async () => {
    const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
    const tags = metaTags(html);
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
    expect(tags.get('og:type')).toBe('article');
    expect(tags.get('og:title')).toBe(title);
    expect(tags.get('og:description')).toBe(tags.get('description'));
    expect(tags.get('og:description')?.length).toBeGreaterThan(50);
    expect(tags.get('twitter:card')).toBe('summary_large_image');
    expect(tags.get('og:image:width')).toBe(String(PREVIEW_IMAGE.width));
    expect(tags.get('og:image:height')).toBe(String(PREVIEW_IMAGE.height));
    expect(tags.get('og:image:type')).toBe('image/png');
    expect(tags.get('og:image:alt')?.length).toBeGreaterThan(30);
    const image = tags.get('og:image') ?? '';
    expect(image).toMatch(new RegExp(`/generated/${PREVIEW_IMAGE.path}\\?v=`));
    expect(tags.get('twitter:image')).toBe(image);
    const file = join(ROOT, 'dist', new URL(image, 'http://host/').pathname);
    const info = await sharp(file).metadata();
    expect([info.format, info.width, info.height]).toEqual(['png', 1200, 630]);
    // Not a blank canvas: the two panels of output images make it far from one flat colour.
    const stats = await sharp(file).stats();
    expect(stats.channels[0].stdev).toBeGreaterThan(20);
  });

  it('a build with SITE_URL and a base path has absolute, canonical URLs under both', () => {
    ensureBuiltWith(ROOT, BASE_OUT, { BASE_PATH, SITE_URL: BASE_SITE });
    const html = readFileSync(join(ROOT, BASE_OUT, 'index.html'), 'utf8');
    const tags = metaTags(html);
    expect(canonicalOf(html)).toBe(`${BASE_SITE}${BASE_PATH}`);
    expect(tags.get('og:url')).toBe(`${BASE_SITE}${BASE_PATH}`);
    expect(tags.get('og:image')).toMatch(new RegExp(`^${BASE_SITE}${BASE_PATH}generated/${PREVIEW_IMAGE.path}\\?v=`));
  }, 600_000);

  it('without SITE_URL, no canonical URL is guessed', () => {
    const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
    if (process.env.SITE_URL) return;
    expect(canonicalOf(html)).toBeUndefined();
    expect(metaTags(html).has('og:url')).toBe(false);
  });
});

describe('credit, references and licence', () => {
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));

  it('the opening credits the original experiment and links its repository', () => {
    const opening = main.slice(0, main.indexOf('<h2'));
    expect(opening).toContain('href="https://github.com/jarbus/keras-visualization"');
    expect(opening).toContain('Medium');
  });

  it('every reference is cited, numbered in the order of first citation, and listed at the end', () => {
    const cites = [...main.matchAll(/<a href="#ref-([\w-]+)"[^>]*>\[(\d+)\]<\/a>/g)].map((m) => ({ id: m[1], n: Number(m[2]) }));
    const first = [...new Map(cites.map((c) => [c.id, c.n])).entries()];
    expect(first.map(([id]) => id)).toEqual(REFERENCES.map((r) => r.id));
    expect(first.map(([, n]) => n)).toEqual(REFERENCES.map((_, i) => i + 1));
    for (const r of REFERENCES) {
      expect(main).toContain(`id="ref-${r.id}"`);
      expect(r.url).toMatch(/^https:\/\//);
    }
    const lastHeading = [...main.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].at(-1)?.[1];
    expect(lastHeading).toBe('References');
  });

  it('the footer names the licences and MNIST’s attribution', () => {
    const footer = html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));
    expect(footer).toContain('CC BY 4.0');
    expect(footer).toContain('MIT');
    expect(footer).toMatch(/LeCun/);
    expect(footer).toContain('CC BY-SA 3.0');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/MIT License[\s\S]*Permission is hereby granted/);
  });
});

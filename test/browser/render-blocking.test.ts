import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

const DIST = join(ROOT, 'dist');
const ASSETS = join(DIST, '_astro');

/** The tags of the built page's head that hold up its first paint: stylesheets, and classic scripts without async or defer. */
function renderBlocking(html: string): string[] {
  const head = html.slice(0, html.indexOf('</head>'));
  const tags = head.match(/<(?:link|script)\b[^>]*>/g) ?? [];
  return tags.filter((tag) =>
    tag.startsWith('<link')
      ? /\brel="stylesheet"/.test(tag) && !/\bmedia="print"/.test(tag)
      : /\bsrc=/.test(tag) && !/\b(?:async|defer)\b|type="module"/.test(tag),
  );
}

describe('the built page', () => {
  it('holds up its first paint with one stylesheet and nothing else', () => {
    const blocking = renderBlocking(readFileSync(join(DIST, 'index.html'), 'utf8'));
    expect(blocking).toHaveLength(1);
    expect(blocking[0]).toMatch(/<link rel="stylesheet" href="\/_astro\/page\.[0-9a-f]{10}\.css">/);
  });

  it('builds the training worker so that no chunk imports its entry (WebKit would evaluate the entry twice)', () => {
    const files = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
    const entries = files.filter((f) => /^train-worker-[\w-]{8}\.js$/.test(f));
    expect(entries).toHaveLength(1);
    const importers = files.filter((f) => f !== entries[0] && readFileSync(join(ASSETS, f), 'utf8').includes(`./${entries[0]}`));
    expect(importers).toEqual([]);
    // The backends started on demand are chunks of their own, which the worker fetches only when it starts them.
    expect(files.some((f) => f.startsWith('tfjs-backend-wasm-'))).toBe(true);
    expect(files.some((f) => f.startsWith('tfjs-backend-webgpu-'))).toBe(true);
  });
});

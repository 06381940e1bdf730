import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS } from '../../content/claims';
import { checkClaims, describeFailures } from '../../src/lib/claims';
import type { Manifest } from '../../src/lib/manifest';
import { disconnectBrowser, type OpenedPage, openPage, readManifest, ROOT } from './harness';

let manifest: Manifest;
let opened: OpenedPage;

beforeAll(async () => {
  manifest = readManifest();
  opened = await openPage();
});

afterAll(async () => {
  await opened?.close();
  await disconnectBrowser();
});

describe('the comparisons the article makes in words', () => {
  it('were checked on the full configuration, five seeds or more per model of the experiment', () => {
    expect(manifest.profile).toBe('full');
    for (const v of manifest.variants.filter((x) => x.role === 'experiment')) expect(v.seeds.length, v.id).toBeGreaterThanOrEqual(5);
    for (const v of manifest.variants.filter((x) => x.role === 'study')) expect(v.seeds.length, v.id).toBeGreaterThanOrEqual(3);
  });

  it('hold on every seed', () => {
    expect(describeFailures(checkClaims(manifest, CLAIMS))).toEqual([]);
  });

  it('are each marked in the text, and the text marks no other', async () => {
    const source = readFileSync(join(ROOT, 'content', 'article.mdx'), 'utf8');
    const inSource = [...source.matchAll(/<Claim id="([^"]+)"/g)].map((m) => m[1]);
    const onPage = await opened.page.$$eval('[data-claim]', (els) => els.map((el) => el.getAttribute('data-claim') ?? ''));
    const ids = CLAIMS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...new Set(inSource)].sort()).toEqual([...ids].sort());
    expect([...new Set(onPage)].sort()).toEqual([...ids].sort());
  });
});

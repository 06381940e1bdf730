import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS } from '../../content/claims';
import { byMargin, checkClaims, describeFailures } from '../../src/lib/claims';
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

  it('are listed in the ledger, one row each, most fragile first, with the verdicts the check gave', async () => {
    const results = byMargin(checkClaims(manifest, CLAIMS));
    const rows = await opened.page.$$eval('[data-ledger] tbody tr', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-ledger-claim') ?? '',
        holds: tr.getAttribute('data-holds'),
        link: tr.querySelector('th a')?.getAttribute('href') ?? '',
        seeds: tr.querySelector('[data-ledger-seeds]')?.textContent?.trim() ?? '',
        verdicts: [...tr.querySelectorAll('[data-seed]')].map((li) => `${li.getAttribute('data-seed')}:${li.getAttribute('data-verdict')}`),
        margin: tr.querySelector('[data-ledger-margin]')?.textContent ?? '',
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(results.map((r) => r.claim.id));
    rows.forEach((row, i) => {
      const r = results[i];
      expect(row.holds, row.id).toBe(String(r.holds));
      expect(row.verdicts, row.id).toEqual(r.verdicts.map((v) => `${v.seed}:${v.holds ? 'holds' : 'fails'}`));
      expect(row.seeds, row.id).toBe(r.aboutData ? 'the data set, checked once' : `${r.seeds.length} seeds`);
      expect(row.margin, row.id).toContain(r.margin.seed === null ? 'on the data set' : `seed ${r.margin.seed}`);
      expect(row.link, row.id).toBe(`#claim-${r.claim.id}`);
    });
    // Every link lands on the words in the text.
    const targets = await opened.page.$$eval('[data-ledger] th a', (as) => as.map((a) => document.getElementById((a.getAttribute('href') ?? '').slice(1))?.hasAttribute('data-claim') ?? false));
    expect(targets.every(Boolean)).toBe(true);
  });

  it('are each checked on every seed of the models they name, as the closing note says', async () => {
    const results = checkClaims(manifest, CLAIMS);
    for (const r of results) {
      const named = new Set(JSON.stringify(r.claim.check).match(/"variant":"[^"]+"/g)?.map((x) => x.slice(11, -1)) ?? []);
      for (const id of named) {
        const variant = manifest.variants.find((v) => v.id === id);
        // No claim is checked on fewer seeds than the best-trained model it names has: a claim about one model covers all of them.
        if (variant && named.size === 1) expect(r.seeds, r.claim.id).toEqual(variant.seeds.map((s) => s.seed));
      }
    }
    const note = await opened.page.$eval('.colophon', (el) => el.textContent ?? '');
    expect(note).toMatch(/on \d+ seeds/);
    expect(note).toContain('All of them hold on every seed.');
  });
});

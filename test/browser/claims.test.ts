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
      trs.map((tr) => {
        const [verdict, margin] = [...tr.querySelectorAll('td')];
        return {
          link: tr.querySelector('th a')?.getAttribute('href') ?? '',
          says: tr.querySelector('th a')?.textContent ?? '',
          checked: verdict.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          marks: verdict.querySelector('[aria-hidden="true"]')?.textContent ?? '',
          fails: verdict.classList.contains('fails'),
          margin: margin.textContent ?? '',
        };
      }),
    );
    expect(rows.map((r) => r.link)).toEqual(results.map((r) => `#claim-${r.claim.id}`));
    rows.forEach((row, i) => {
      const r = results[i];
      const id = r.claim.id;
      expect(row.says, id).toBe(r.claim.says);
      expect(row.fails, id).toBe(!r.holds);
      expect(row.marks, id).toBe(r.verdicts.map((v) => (v.holds ? '✓' : '✗')).join(''));
      expect(row.checked, id).toMatch(r.aboutData ? /^the data set, checked once (holds|fails)$/ : new RegExp(`^${r.seeds.length} seeds [✓✗]+ , ${r.holds ? 'holds on each' : 'fails on seed'}`));
      expect(row.margin, id).toContain(r.margin.seed === null ? 'the data set' : `seed ${r.margin.seed}`);
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

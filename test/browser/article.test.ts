import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAccuracy, formatShare } from '../../src/present/format';
import type { Manifest, SheetEntry } from '../../src/lib/manifest';
import { disconnectBrowser, loadAllImages, type OpenedPage, openPage, readManifest, runAxe } from './harness';

let manifest: Manifest;
let opened: OpenedPage;

/** Every sheet the manifest describes, by its path. */
function sheetsByPath(m: Manifest): Map<string, SheetEntry> {
  const sheets = new Map<string, SheetEntry>([
    [m.samples.sheet.path, m.samples.sheet],
    [m.ink.sheet.path, m.ink.sheet],
  ]);
  for (const v of m.variants) for (const l of v.layers) for (const s of l.sheets) sheets.set(s.path, s);
  for (const e of m.variants.flatMap((v) => (v.effective ? [v.effective, v.effective.nodes] : []))) {
    for (const s of [e.composedSheet, e.effectiveSheet]) sheets.set(s.path, s);
  }
  return sheets;
}

beforeAll(async () => {
  manifest = readManifest();
  opened = await openPage();
  await loadAllImages(opened.page);
  // Scroll through once so anything tied to scrolling runs before the checks.
  await opened.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await opened.page.waitForLoadState('networkidle');
});

afterAll(async () => {
  await opened?.close();
  await disconnectBrowser();
});

describe('the article page', () => {
  it('loads without console errors or failed requests', () => {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.failedRequests).toEqual([]);
  });

  it('requests nothing outside the local server', () => {
    expect(opened.requests.length).toBeGreaterThan(0);
    expect(opened.externalRequests()).toEqual([]);
  });

  it('loads every figure image at the size the manifest gives', async () => {
    const images = await opened.page.$$eval('img', (imgs) =>
      imgs.map((img) => ({
        src: new URL(img.currentSrc || img.src).pathname,
        naturalWidth: img.naturalWidth,
        naturalHeight: img.naturalHeight,
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        alt: img.alt,
        rendering: getComputedStyle(img).imageRendering,
        shownWidth: img.clientWidth,
        inSheet: img.closest('.sheet') !== null,
      })),
    );
    const sheets = sheetsByPath(manifest);
    const figures = images.filter((i) => i.src.includes('/generated/'));
    expect(figures.length).toBeGreaterThanOrEqual(8);
    for (const img of figures) {
      const sheet = sheets.get(img.src.replace(/^.*\/generated\//, ''));
      expect(sheet, `${img.src} is not a sheet of the manifest`).toBeDefined();
      expect(img.naturalWidth, img.src).toBeGreaterThan(0);
      expect([img.naturalWidth, img.naturalHeight], img.src).toEqual([sheet?.width, sheet?.height]);
      expect([img.width, img.height], img.src).toEqual([String(sheet?.width), String(sheet?.height)]);
      expect(img.alt.length, img.src).toBeGreaterThan(40);
      // The article's sheets keep square pixels when upscaled and are smoothed when downscaled
      // (widgets style their own static images).
      if (img.inSheet) expect(img.rendering, img.src).toBe(img.shownWidth >= img.naturalWidth ? 'pixelated' : 'auto');
    }
  });

  it('shows every variant’s test accuracy exactly as the manifest has it', async () => {
    const shown = await opened.page.$$eval('[data-accuracy]', (els) =>
      els.map((el) => ({ id: el.getAttribute('data-accuracy') ?? '', text: el.textContent?.trim() ?? '' })),
    );
    for (const v of manifest.variants) {
      const mine = shown.filter((s) => s.id === v.id);
      if (v.role === 'experiment') expect(mine.length, `${v.id} accuracy in the prose`).toBeGreaterThan(0);
      for (const s of mine) expect(s.text).toBe(formatAccuracy(v.testAccuracy));
    }
    expect(shown.every((s) => manifest.variants.some((v) => v.id === s.id))).toBe(true);
    const alts = await opened.page.$$eval('img', (imgs) => imgs.map((i) => i.alt));
    for (const v of manifest.variants) {
      expect(alts.some((a) => a.includes(formatAccuracy(v.testAccuracy))), `${v.id} accuracy in alt text`).toBe(true);
    }
  });

  it('quotes the ink shares of the manifest', async () => {
    const shown = await opened.page.$$eval('[data-ink]', (els) =>
      els.map((el) => ({ key: el.getAttribute('data-ink') ?? '', text: el.textContent?.trim() ?? '' })),
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const { key, text } of shown) {
      const [id, digit, of] = key.split(':');
      const region = manifest.ink.regions.find((r) => r.id === id);
      expect(region, key).toBeDefined();
      const value = of === 'inkers' ? region?.shareOfInkers[Number(digit)] : region?.classShare[Number(digit)];
      expect(text, key).toBe(formatShare(value ?? NaN));
    }
  });

  it('uses every id once', async () => {
    const ids = await opened.page.$$eval('[id]', (els) => els.map((el) => el.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('captions every figure', async () => {
    const captions = await opened.page.$$eval('main figure', (figs) =>
      figs.map((f) => f.querySelector(':scope > figcaption')?.textContent?.trim() ?? ''),
    );
    expect(captions.length).toBeGreaterThanOrEqual(8);
    for (const c of captions) expect(c.length).toBeGreaterThan(20);
  });

  it('has a table of contents whose links all lead to a section', async () => {
    const broken = await opened.page.$$eval('nav.toc a', (els) =>
      (els as HTMLAnchorElement[]).filter((a) => !document.getElementById(decodeURIComponent(new URL(a.href).hash.slice(1)))).map((a) => a.href),
    );
    const count = await opened.page.locator('nav.toc a').count();
    expect(count).toBeGreaterThanOrEqual(8);
    expect(broken).toEqual([]);
  });

  it('opens a single tile of a large sheet', async () => {
    const { page } = opened;
    const zoom = page.locator('tile-zoom').first();
    await zoom.scrollIntoViewIfNeeded();
    const img = zoom.locator('img');
    const box = await img.boundingBox();
    if (!box) throw new Error('zoomable sheet has no box');
    // The top-left tile, then two steps right with the keyboard.
    await img.click({ position: { x: 3, y: 3 } });
    const dialog = zoom.locator('dialog');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await dialog.locator('.zoom-name').textContent()).toBe('Node 3');
    expect(await dialog.locator('.zoom-view').evaluate((v) => getComputedStyle(v).backgroundImage)).toContain('/generated/');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical accessibility violations (${colorScheme})`, async () => {
      const page = colorScheme === 'light' ? opened : await openPage({ colorScheme });
      try {
        const violations = await runAxe(page.page);
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
      } finally {
        if (page !== opened) await page.close();
      }
    });
  }
});

describe('on a 360 px wide phone', () => {
  it('never scrolls sideways, with every image loaded and every table of numbers open', async () => {
    const phone = await openPage({ viewport: { width: 360, height: 740 } });
    try {
      await loadAllImages(phone.page);
      await phone.page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      const widths = await phone.page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        // Elements inside a sideways-scrolling box (wide tables) may be wider than the screen.
        widest: [...document.querySelectorAll('body *')]
          .filter((el) => !el.parentElement?.closest('.table-scroll'))
          .map((el) => ({ el: el.tagName + (el.className ? `.${String(el.className).split(' ')[0]}` : ''), right: el.getBoundingClientRect().right }))
          .filter((e) => e.right > document.documentElement.clientWidth + 0.5)
          .slice(0, 5),
      }));
      expect(widths.widest).toEqual([]);
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      expect(phone.consoleErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});

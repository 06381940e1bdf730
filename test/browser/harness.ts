/**
 * Helpers for browser tests: connect to the Chromium started by setup/global.ts and open pages
 * of the built site with their console errors and network traffic recorded.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { GENERATED_MANIFEST } from '../../src/lib/generated-dir';
import { type Manifest, parseManifest } from '../../src/lib/manifest';
import { loadImagesInPage } from './page-scripts';

export const ROOT = resolve(import.meta.dirname, '../..');

let browser: Promise<Browser> | undefined;

/** This test file's connection to the shared Chromium. */
export function connectBrowser(): Promise<Browser> {
  browser ??= chromium.connect(inject('wsEndpoint'));
  return browser;
}

/** Closes this file's connection (the browser itself lives until the run ends). */
export async function disconnectBrowser(): Promise<void> {
  if (!browser) return;
  const b = await browser;
  browser = undefined;
  await b.close();
}

/** Absolute URL of a path on the local server, e.g. `url('')` for the article. */
export function url(path = ''): string {
  return new URL(path.replace(/^\//, ''), inject('baseUrl')).href;
}

/** The manifest the site was built from. */
export function readManifest(): Manifest {
  const file = resolve(ROOT, GENERATED_MANIFEST);
  return parseManifest(JSON.parse(readFileSync(file, 'utf8')), file);
}

export interface OpenPageOptions {
  /** Path under the site, default the article. */
  path?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Wait for this load state before returning (default `load`). */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle';
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console messages of type error, and uncaught page errors. */
  consoleErrors: string[];
  /** Requests that failed at the network level or got an HTTP status of 400 or more. */
  failedRequests: string[];
  /** Every URL the page requested. */
  requests: string[];
  /** Requested URLs outside the local server. */
  externalRequests(): string[];
  close(): Promise<void>;
}

/** Records `page`'s console errors and uncaught errors, from now on, into the returned list. */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** Opens a page of the built site in a fresh context, recording errors and requests from the start. */
export async function openPage(options: OpenPageOptions = {}): Promise<OpenedPage> {
  const b = await connectBrowser();
  const context = await b.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const consoleErrors = recordErrors(page);
  const failedRequests: string[] = [];
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('requestfailed', (req) => failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`));
  page.on('response', (res) => {
    if (res.status() >= 400) failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
  });
  await page.goto(url(options.path ?? ''), { waitUntil: options.waitUntil ?? 'load' });
  const origin = new URL(inject('baseUrl')).origin;
  return {
    page,
    context,
    consoleErrors,
    failedRequests,
    requests,
    externalRequests: () => requests.filter((r) => !r.startsWith('data:') && !r.startsWith('blob:') && new URL(r).origin !== origin),
    close: () => context.close(),
  };
}

/** Makes every lazy image load and waits until each has loaded or failed. */
export async function loadAllImages(page: Page): Promise<void> {
  await page.evaluate(loadImagesInPage);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page and returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: a <script> tag with the source inline, as
  // addScriptTag makes, is refused by the page's Content-Security-Policy.
  await page.evaluate(readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<AxeResult> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumPath, CHROMIUM_ARGS } from '../../../scripts/browser/chromium';
import { ensureBuilt } from './ensure-build';
import { serveStatic } from '../../../scripts/browser/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site, served locally, with a trailing slash. */
    baseUrl: string;
    /** Where test files connect to the shared Chromium. */
    wsEndpoint: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Builds the site if needed, serves dist/ on a free localhost port and starts one headless
 * Chromium that every browser test file connects to.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureBuilt(ROOT);
  const server = await serveStatic(join(ROOT, 'dist'));
  const downloads = await mkdtemp(join(tmpdir(), 'browser-tests-'));
  const browser = await chromium.launchServer({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    downloadsPath: downloads,
  });
  project.provide('baseUrl', server.url);
  project.provide('wsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
    await rm(downloads, { recursive: true, force: true });
  };
}

import { existsSync } from 'node:fs';

/**
 * Flags for a quiet, reproducible headless Chromium. Playwright gives every launch a fresh
 * temporary profile (user-data-dir) of its own and removes it on close.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; fails with the fix when it is missing. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return path;
}

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

/**
 * The same, plus WebGPU, for the tests and benchmarks that train on it: Chromium on Linux offers
 * WebGPU only with this flag. With --disable-gpu its one adapter is SwiftShader, on the CPU, so
 * what runs there is correct but slow. The other tests keep WebGPU off, as most readers' Linux
 * Chromium has it, so that "automatic" has WebAssembly alone to choose from.
 */
export const WEBGPU_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'];

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; fails with the fix when it is missing. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return path;
}

import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The project's root folder. */
export const SITE_ROOT = resolve(import.meta.dirname, '..', '..');
/** Where `npm run build` puts the site and `npm run preview` serves it from. */
export const DIST_DIR = join(SITE_ROOT, 'dist');

/**
 * Runs the project's Astro command line (`astro <args>`) in the project root with this terminal,
 * and resolves with its exit code (130 or 143 when SIGINT or another signal ended it). SIGINT and
 * SIGTERM sent to this process are passed on, so Astro never outlives it.
 */
export function runAstro(args: readonly string[]): Promise<number> {
  const cli = join(SITE_ROOT, 'node_modules', 'astro', 'astro.js');
  const child = spawn(process.execPath, [cli, ...args], { cwd: SITE_ROOT, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  // First in line: writeAtomically's own handlers exit the process.
  process.prependListener('SIGINT', forward);
  process.prependListener('SIGTERM', forward);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(code ?? (signal === 'SIGINT' ? 130 : 143));
    });
  });
}

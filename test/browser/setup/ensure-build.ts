import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_MANIFEST } from '../../../src/lib/generated-dir';

/** What the built page depends on: when any of these is newer than dist/index.html, rebuild. */
const SOURCES = [GENERATED_MANIFEST, 'public/_headers', 'content', 'src', 'astro.config.mjs', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why `outDir` (default `dist/`) must be rebuilt, or null when it is newer than everything it is built from. */
export function staleReason(root: string, outDir = 'dist'): string | null {
  const page = join(root, outDir, 'index.html');
  if (!existsSync(page)) return `${outDir}/ has no index.html`;
  if (!existsSync(join(root, GENERATED_MANIFEST))) return 'there are no figures yet';
  const built = statSync(page).mtimeMs;
  const changed = SOURCES.filter((s) => newestMtime(join(root, s)) > built);
  return changed.length ? `${changed.join(', ')} changed since the last build` : null;
}

/** Runs `npm run build` (figures, cached, then astro build) when dist/ is missing or stale. */
export function ensureBuilt(root: string): void {
  const reason = staleReason(root);
  if (!reason) return;
  console.log(`browser tests: building the site (${reason})`);
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (exit ${result.status ?? result.signal}); the browser tests need dist/`);
  }
}

/**
 * Builds the page (`astro build`; the figures must be in place, as after `ensureBuilt`) into `outDir` with extra
 * environment, e.g. another `BASE_PATH`, when that folder is missing or stale. Never the same
 * folder as another build's.
 */
export function ensureBuiltWith(root: string, outDir: string, env: Record<string, string>): void {
  if (outDir === 'dist') throw new Error('a build with other settings needs its own folder, not dist/');
  const reason = staleReason(root, outDir);
  if (!reason) return;
  console.log(`browser tests: building ${outDir} (${reason})`);
  const result = spawnSync('npx', ['astro', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env, OUT_DIR: outDir } });
  if (result.status !== 0) throw new Error(`astro build into ${outDir} failed (exit ${result.status ?? result.signal})`);
}

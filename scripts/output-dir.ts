import { existsSync, rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicOptions {
  /**
   * Where the staging and old folders go (default: beside `finalDir`). Keep it outside any folder
   * that is published as it is, such as `public/`: a run killed outright cannot clean up after
   * itself, and whatever it leaves there would be copied into the site.
   */
  stagingParent?: string;
}

/**
 * Runs `build` against a fresh staging folder, then swaps it into `finalDir`. If `build` throws
 * or the process is interrupted, the staging folder is removed and the previous contents of
 * `finalDir` stay as they were.
 */
export async function writeAtomically<T>(finalDir: string, build: (staging: string) => Promise<T>, options: AtomicOptions = {}): Promise<T> {
  const name = basename(finalDir);
  const parent = options.stagingParent ?? dirname(finalDir);
  await mkdir(parent, { recursive: true });
  await mkdir(dirname(finalDir), { recursive: true });
  await clearLeftovers(finalDir, options);
  const staging = join(parent, `${name}.staging-${process.pid}`);
  await mkdir(staging);
  const cleanup = () => rmSync(staging, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await build(staging);
    const old = join(parent, `${name}.old-${process.pid}`);
    const hadPrevious = existsSync(finalDir);
    if (hadPrevious) await rename(finalDir, old);
    try {
      await rename(staging, finalDir);
    } catch (error) {
      if (hadPrevious) await rename(old, finalDir);
      throw error;
    }
    await rm(old, { recursive: true, force: true });
    return result;
  } catch (error) {
    cleanup();
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * Removes staging or old folders of `finalDir` left by runs that were killed outright (not by one
 * still running), both beside it and in `stagingParent`. Safe to call on every run, including one
 * that then finds its output up to date.
 */
export async function clearLeftovers(finalDir: string, options: AtomicOptions = {}): Promise<string[]> {
  const name = basename(finalDir);
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|old)-(\\d+)$`);
  const removed: string[] = [];
  for (const parent of new Set([dirname(finalDir), options.stagingParent ?? dirname(finalDir)])) {
    if (!existsSync(parent)) continue;
    for (const entry of await readdir(parent)) {
      const match = pattern.exec(entry);
      if (match && !isRunning(Number(match[2]))) {
        await rm(join(parent, entry), { recursive: true, force: true });
        removed.push(join(parent, entry));
      }
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

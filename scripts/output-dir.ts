import { existsSync, rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Runs `build` against a fresh staging folder next to `finalDir`, then swaps it into place.
 * If `build` throws or the process is interrupted, the staging folder is removed and the
 * previous contents of `finalDir` stay as they were.
 */
export async function writeAtomically<T>(finalDir: string, build: (staging: string) => Promise<T>): Promise<T> {
  const parent = dirname(finalDir);
  const name = basename(finalDir);
  await mkdir(parent, { recursive: true });
  await removeLeftovers(parent, name);
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

/** Staging or old folders left by a run that was killed outright (not by one still running). */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  for (const entry of await readdir(parent)) {
    const match = new RegExp(`^${name}\\.(staging|old)-(\\d+)$`).exec(entry);
    if (match && !isRunning(Number(match[2]))) await rm(join(parent, entry), { recursive: true, force: true });
  }
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

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../scripts/output-dir';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'atomic-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeAtomically', () => {
  it('replaces the folder only when the build succeeds', async () => {
    const out = join(root, 'generated');
    await mkdir(out);
    await writeFile(join(out, 'old.txt'), 'old');
    await writeAtomically(out, async (dir) => writeFile(join(dir, 'new.txt'), 'new'));
    expect(await readdir(out)).toEqual(['new.txt']);
    expect(await readdir(root)).toEqual(['generated']);
  });

  it('leaves the previous output intact and nothing half written when the build fails', async () => {
    const out = join(root, 'generated');
    await mkdir(out);
    await writeFile(join(out, 'old.txt'), 'old');
    await expect(
      writeAtomically(out, async (dir) => {
        await writeFile(join(dir, 'partial.txt'), 'half');
        throw new Error('training diverged');
      }),
    ).rejects.toThrow('training diverged');
    expect(await readFile(join(out, 'old.txt'), 'utf8')).toBe('old');
    expect(await readdir(root)).toEqual(['generated']);
  });

  it('clears staging folders left by a killed run', async () => {
    const out = join(root, 'generated');
    await mkdir(join(root, 'generated.staging-99999'));
    await writeAtomically(out, async (dir) => writeFile(join(dir, 'a'), 'a'));
    expect(existsSync(join(root, 'generated.staging-99999'))).toBe(false);
  });
});

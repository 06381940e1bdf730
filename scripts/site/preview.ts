/**
 * `npm run preview`: serves the built site in dist/ with `astro preview` (extra arguments go to
 * it, e.g. `npm run preview -- --port 4400`), after checking that there is a built site to serve.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, runAstro } from './astro-cli';

if (!existsSync(join(DIST_DIR, 'index.html'))) {
  console.error('No built site to preview: dist/index.html is missing.\nFix: run `npm run build` first (the first build takes about 10 minutes).');
  process.exitCode = 1;
} else {
  runAstro(['preview', ...process.argv.slice(2)]).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`astro preview failed to start: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

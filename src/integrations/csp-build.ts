import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { META_POLICY } from '../site/csp';
import { joinStylesheets } from './one-stylesheet';
import { hoistStyleAttributes } from './style-attributes';

/** The build's assets folder, where the page's stylesheet goes. */
const ASSETS = '_astro';
const CHARSET = '<meta charset="utf-8">';

/** The page's policy as the first element after the charset, before anything that loads. */
export function insertCspMeta(html: string, file: string): string {
  if (!html.includes(CHARSET)) throw new Error(`${file}: no ${CHARSET} to put the Content-Security-Policy after`);
  const content = META_POLICY.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return html.replace(CHARSET, `${CHARSET}<meta http-equiv="Content-Security-Policy" content="${content}">`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/**
 * Makes every built page fit the Content-Security-Policy of `src/site/csp.ts`, carry it, and load
 * one stylesheet:
 * - the `style` attributes that components write for geometry from the figures (tile
 *   positions, column counts, gradients) become classes, so the policy needs no
 *   `style-src-attr` or `'unsafe-inline'` and the page looks the same before any script runs;
 * - with `inlineStylesheets: 'never'` (no inline `<style>` under the policy) Astro links one
 *   stylesheet per component, each render-blocking: their rules and the classes above go into one
 *   file under `_astro/`, named by its content's hash, linked where the first was; the files
 *   joined are removed unless another page still links them;
 * - the policy goes into a `<meta http-equiv>` right after the charset.
 * Built pages only: `astro dev` injects inline styles and scripts, and Astro does not support a
 * CSP in dev. (A condition on `import.meta.env.PROD` in the layout is not reliable: the browser
 * tests build with `NODE_ENV=test`.)
 */
export function cspForBuild(): AstroIntegration {
  let base = '/';
  return {
    name: 'csp-for-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assets = join(root, ASSETS);
        const joinedFiles = new Set<string>();
        const pages: string[] = [];
        for (const file of await htmlFiles(root)) {
          const hoisted = hoistStyleAttributes(await readFile(file, 'utf8'));
          const sheet = joinStylesheets(hoisted.html, base, ASSETS, (name) => readFileSync(join(assets, name), 'utf8'), hoisted.css);
          await writeFile(join(assets, sheet.name), sheet.css);
          sheet.joined.forEach((name) => joinedFiles.add(name));
          const out = insertCspMeta(sheet.html, file);
          pages.push(out);
          await writeFile(file, out);
          logger.info(
            `${file.slice(root.length)}: ${sheet.joined.length} stylesheets and ${hoisted.moved} style attributes in ${ASSETS}/${sheet.name}; policy in a <meta>`,
          );
        }
        for (const name of joinedFiles) {
          if (!pages.some((html) => html.includes(`${ASSETS}/${name}`))) await rm(join(assets, name));
        }
      },
    },
  };
}

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { META_POLICY } from '../site/csp';
import { hoistStyleAttributes, shortHash } from './style-attributes';

/** The build's assets folder, where the moved style rules go. */
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
 * Makes every built page fit the Content-Security-Policy of `src/site/csp.ts` and carry it:
 * - the `style` attributes that components write for geometry from the figures (tile
 *   positions, column counts, gradients) move into one stylesheet under `_astro/`, named by its
 *   content's hash and linked from the head, so the policy needs no `style-src-attr` or
 *   `'unsafe-inline'` and the page looks the same before any script runs;
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
        for (const file of await htmlFiles(root)) {
          const { html, css, moved } = hoistStyleAttributes(await readFile(file, 'utf8'));
          let out = insertCspMeta(html, file);
          if (moved > 0) {
            const name = `style-attributes.${shortHash(css)}.css`;
            await writeFile(join(root, ASSETS, name), `${css}\n`);
            if (!out.includes('</head>')) throw new Error(`${file}: no </head> to link ${name} from`);
            out = out.replace('</head>', `<link rel="stylesheet" href="${base}${ASSETS}/${name}"></head>`);
            logger.info(`${file.slice(root.length)}: ${moved} style attributes moved to ${ASSETS}/${name}; policy in a <meta>`);
          }
          await writeFile(file, out);
        }
      },
    },
  };
}

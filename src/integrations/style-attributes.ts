import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where the rules go, under the build's assets folder. */
const ASSETS = '_astro';
const CLASS_PREFIX = 'sa-';

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&quot;': '"', '&#34;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (v: string) => v.replace(/&(?:amp|quot|#34|#39|lt|gt);/g, (e) => ENTITIES[e]);
const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 10);

/** The result of moving one page's style attributes into classes. */
export interface HoistedStyles {
  html: string;
  /** One rule per distinct attribute value, `.sa-<hash>{<value>}`. */
  css: string;
  /** How many attributes were moved. */
  moved: number;
}

/**
 * Replaces every `style="…"` attribute of the tags in `html` with a class named after the
 * value's hash, and returns the CSS rules that give those classes the same declarations. Text
 * outside tags is left alone. Equal values share one class.
 */
export function hoistStyleAttributes(html: string): HoistedStyles {
  const rules = new Map<string, string>();
  let moved = 0;
  const out = html.replace(/<[a-zA-Z](?:[^<>"']|"[^"]*"|'[^']*')*>/g, (tag) => {
    const m = /\sstyle="([^"]*)"/.exec(tag);
    if (!m) return tag;
    const value = decode(m[1]).trim();
    moved++;
    let rest = tag.slice(0, m.index) + tag.slice(m.index + m[0].length);
    if (!value) return rest;
    const name = CLASS_PREFIX + shortHash(value);
    rules.set(name, value);
    const cls = /\sclass="([^"]*)"/.exec(rest);
    rest = cls
      ? `${rest.slice(0, cls.index)} class="${cls[1]} ${name}"${rest.slice(cls.index + cls[0].length)}`
      : rest.replace(/^<[a-zA-Z][\w-]*/, (open) => `${open} class="${name}"`);
    return rest;
  });
  const css = [...rules].map(([name, value]) => `.${name}{${value}}`).join('\n');
  return { html: out, css, moved };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/**
 * After the build, moves the `style` attributes of every page into one stylesheet under
 * `_astro/` (named by its content's hash) linked from the page's head, so the Content-Security-
 * Policy needs no `style-src-attr` or `'unsafe-inline'`. Components keep writing `style={…}`
 * for geometry that comes from the figures (tile positions, column counts, gradients), and the
 * page looks the same before any script runs. `astro dev` keeps the attributes (it sends no CSP).
 */
export function styleAttributesToStylesheet(): AstroIntegration {
  let base = '/';
  return {
    name: 'style-attributes-to-stylesheet',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        for (const file of await htmlFiles(root)) {
          const { html, css, moved } = hoistStyleAttributes(await readFile(file, 'utf8'));
          if (moved === 0) continue;
          const name = `style-attributes.${shortHash(css)}.css`;
          await writeFile(join(root, ASSETS, name), `${css}\n`);
          const link = `<link rel="stylesheet" href="${base}${ASSETS}/${name}">`;
          if (!html.includes('</head>')) throw new Error(`${file}: no </head> to link ${name} from`);
          await writeFile(file, html.replace('</head>', `${link}</head>`));
          logger.info(`${moved} style attributes of ${file.slice(root.length)} moved to ${ASSETS}/${name}`);
        }
      },
    },
  };
}

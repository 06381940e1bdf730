import { shortHash } from './style-attributes';

/** A page's stylesheets joined into one. */
export interface JoinedStylesheets {
  /** The page with one `<link>` where the first stylesheet link was, and no other. */
  html: string;
  /** The stylesheets' rules, in the page's order. */
  css: string;
  /** The file name the joined sheet gets under the assets folder, named by its content's hash. */
  name: string;
  /** The asset file names of the stylesheets joined. */
  joined: string[];
}

/**
 * Replaces every `<link rel="stylesheet">` of the assets folder (`<base><assets>/<name>.css`) in
 * `html` with one link (where the first was, else at the head's end) to a file holding their rules in the same order, then `extraCss` (rules
 * the build adds). The rules keep their order, and so their cascade; the files sit in the same
 * folder, so relative `url()`s still resolve. A sheet with `@import` or `@charset` cannot be
 * joined by concatenation: that is an error naming the file.
 */
export function joinStylesheets(html: string, base: string, assets: string, read: (name: string) => string, extraCss = ''): JoinedStylesheets {
  const prefix = `${base}${assets}/`;
  const link = /<link rel="stylesheet" href="([^"]+\.css)"\s*\/?>/g;
  const joined: string[] = [];
  const parts: string[] = [];
  for (const m of html.matchAll(link)) {
    if (!m[1].startsWith(prefix)) continue;
    const name = m[1].slice(prefix.length);
    const css = read(name);
    if (/@import|@charset/i.test(css)) throw new Error(`${assets}/${name}: has @import or @charset, which only work at a sheet's start; it cannot be joined`);
    joined.push(name);
    parts.push(css.trim());
  }
  if (extraCss) parts.push(extraCss.trim());
  const css = `${parts.join('\n')}\n`;
  const name = `page.${shortHash(css)}.css`;
  let placed = false;
  const out = html.replace(link, (tag: string, href: string) => {
    if (!href.startsWith(prefix)) return tag;
    if (placed) return '';
    placed = true;
    return `<link rel="stylesheet" href="${prefix}${name}">`;
  });
  if (placed) return { html: out, css, name, joined };
  if (!out.includes('</head>')) throw new Error(`no </head> to link ${assets}/${name} from`);
  return { html: out.replace('</head>', `<link rel="stylesheet" href="${prefix}${name}"></head>`), css, name, joined };
}

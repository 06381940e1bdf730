import { createHash } from 'node:crypto';

const CLASS_PREFIX = 'sa-';

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&quot;': '"', '&#34;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (v: string) => v.replace(/&(?:amp|quot|#34|#39|lt|gt);/g, (e) => ENTITIES[e]);
/** The first 10 hex digits of a string's SHA-256. */
export const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 10);

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

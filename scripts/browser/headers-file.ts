import { readFileSync } from 'node:fs';

/** One block of a `_headers` file: a path pattern and the headers sent for matching paths. */
export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

/**
 * Parses a `_headers` file as Netlify and Cloudflare Pages read it: a line that starts with `/`
 * opens a block, indented `Name: value` lines under it are its headers, `#` lines are comments.
 * Throws naming the file and line for anything else.
 */
export function parseHeadersFile(file: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, raw] of readFileSync(file, 'utf8').split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      if (!line.startsWith('/')) throw new Error(`${file}:${i + 1}: a block must start with a path, got "${line}"`);
      rules.push({ path: line, headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon <= 0) throw new Error(`${file}:${i + 1}: expected "Name: value" under a path, got "${line}"`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Whether a rule's path matches a request path: exactly, or by a trailing `*` splat. */
export function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

/**
 * The headers every matching rule sends for `path`, lower-cased names; a name set by two rules
 * gets both values joined by a comma, as those hosts do.
 */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!pathMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = key in out ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

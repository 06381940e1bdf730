/**
 * The project's import graph, read from the source text: every relative import, `export … from`,
 * side-effect import and dynamic `import()` of the TypeScript, Astro, MDX and .mjs files under
 * the given folders, resolved to files. Package imports are left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SOURCE = /\.(ts|astro|mdx|mjs)$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.astro', '.mjs', '.mdx', '/index.ts'];

/** Files (paths relative to `root`, with '/') and the project files each imports. */
export type ImportGraph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The import graph of the source files under `folders` of `root`. */
export function importGraph(root: string, folders: readonly string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  const name = (path: string) => relative(root, path).split('\\').join('/');
  for (const file of folders.flatMap((f) => sourceFiles(join(root, f)))) {
    const imports: string[] = [];
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      // One that resolves to no file is code quoted in a string (the type check catches real ones).
      const target = resolveImport(file, specifier);
      if (target) imports.push(name(target));
    }
    graph.set(name(file), [...new Set(imports)]);
  }
  return graph;
}

/** Every cycle of the graph, each as the files along it (the first repeated at the end); none in a sound graph. */
export function importCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

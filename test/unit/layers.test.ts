import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../helpers/import-graph';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Which layers each layer may import (besides itself), lowest first; README's "Layers" says why.
 * Layers not listed (the components, layouts, pages and integrations of the site, the article,
 * the tests) sit on top and may import any of these.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  'src/geometry': [],
  'src/experiment': ['src/geometry'],
  'src/lib': ['src/experiment', 'src/geometry'],
  'src/widgets': ['src/experiment', 'src/geometry'],
  'src/site': [],
  'src/paint': ['src/lib', 'src/experiment', 'src/geometry'],
  'src/present': ['src/lib', 'src/experiment', 'src/geometry'],
  'src/draw': ['src/widgets', 'src/paint', 'src/lib', 'src/experiment', 'src/geometry'],
  'src/live': ['src/widgets', 'src/paint', 'src/present', 'src/lib', 'src/experiment', 'src/geometry'],
  'content/claims': ['src/lib', 'src/experiment', 'src/geometry'],
  scripts: ['src/lib', 'src/experiment', 'src/geometry', 'src/widgets', 'src/present'],
  // The benches measure the widgets, so they may run the widgets' own recipe.
  'scripts/bench': ['scripts', 'src/live', 'src/present', 'src/lib', 'src/experiment', 'src/geometry', 'src/widgets'],
};

/** The layer of a file: its folder under src/, the benches (scripts/bench*), the claims or the article in content/, or its top folder. */
function layerOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'src' && parts.length > 2) return `src/${parts[1]}`;
  if (parts[0] === 'scripts' && parts[1].startsWith('bench')) return 'scripts/bench';
  if (parts[0] === 'content') return file.endsWith('.mdx') ? 'content/article' : 'content/claims';
  return parts[0];
}

const graph = importGraph(ROOT, ['src', 'scripts', 'content', 'test']);
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => [from, to] as [string, string]));

describe('the layers of the code', () => {
  it('point one way: each layer imports only those below it', () => {
    const broken = edges.filter(([from, to]) => {
      const [a, b] = [layerOf(from), layerOf(to)];
      const allowed = MAY_IMPORT[a];
      return a !== b && allowed !== undefined && !allowed.includes(b);
    });
    expect(broken.map(([from, to]) => `${from} imports ${to}`)).toEqual([]);
  });

  it('keep the tests to themselves: nothing outside test/ imports from it', () => {
    const broken = edges.filter(([from, to]) => layerOf(to) === 'test' && layerOf(from) !== 'test');
    expect(broken.map(([from, to]) => `${from} imports ${to}`)).toEqual([]);
  });

  it('hold no import cycle', () => {
    expect(importCycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});

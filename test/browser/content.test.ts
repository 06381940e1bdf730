import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAccuracy, formatCount } from '../../src/present/format';
import { ROOT, readManifest } from './harness';

/** The article's text with MDX tags and import lines removed: what a hand could have typed. */
function typedText(): string {
  const dir = join(ROOT, 'content');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n')
    .replace(/^(import|export) .*$/gm, '')
    .replace(/<[^>]*>/g, ' ');
}

describe('content/', () => {
  it('types no number that the figure pipeline produces', () => {
    const m = readManifest();
    const text = typedText();
    const produced = new Set<string>();
    for (const v of m.variants) {
      produced.add(formatAccuracy(v.testAccuracy));
      produced.add(formatAccuracy(v.testAccuracy).replace('%', ''));
      produced.add(String(v.testAccuracy));
      produced.add(formatCount(v.trainCount));
      produced.add(String(v.trainCount));
      produced.add(String(v.config.batchSize));
      produced.add(String(v.config.learningRate));
    }
    produced.add(formatCount(m.dataset.trainCount));
    produced.add(formatCount(m.dataset.testCount));
    const found = [...produced].filter((n) => n.length >= 3 && new RegExp(`(^|[^\\d.,])${n.replace(/[.%]/g, '\\$&')}(?![\\d,])`).test(text));
    expect(found).toEqual([]);
    // No percentage at all: shares and accuracies come from components.
    expect(text.match(/\d\s*%/g) ?? []).toEqual([]);
  });
});


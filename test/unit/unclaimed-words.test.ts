import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Comparison words the prose may use outside `<Claim>` and the number components, as patterns
 * (case-insensitive), each with why it claims nothing a check could test.
 */
const UNCLAIMED: { pattern: RegExp; why: string }[] = [
  { pattern: /\b(all (the|\d+|test) (test )?images|on all\b|(updates|examples) in all|all 512|trained on the most data)/gi, why: 'names a data set or a model by its size, or counts' },
  { pattern: /\bevery (connection|node of the next layer|pixel|tile|path|weight|training image|test image|training digit|test digit|digit|image counts|model|few batches)/gi, why: 'describes the method, a drawing or a network by construction' },
  { pattern: /\b(looks at all of them|every one of them connects|add up all|over all of the second layer|all three regions|all panels share|same place on every|every node is a picture|every node with the same confidence|every picture below|every run of the network)/gi, why: 'describes the method, a drawing or a network by construction' },
  { pattern: /\b(never their strength or their sign|weights are all negative|respond at all|never reaches the output|all of them were open at once, which never happens|never saw in training|never end in quite the same place)/gi, why: 'true by construction: min-max scaling, a bias, a ReLU, the moves trained on, the seeds' },
  { pattern: /\bof all [0-9]s\b/gi, why: 'a share read from the manifest: of all the 7s, the share that ink the region' },
  { pattern: /\b(responds to most|activate it most|ink each edge region most|more than one place)/gi, why: 'defines a term (a stencil, the top digits, an owner) or describes the training' },
  { pattern: /\b(most accurate network|gets most of them right|matters more than you might think)/gi, why: 'points to a claim or a table that states it: big-mlp-most-accurate, the accuracy table, the optimizer claims' },
  { pattern: /\b(will always take the easiest route|will always go for the easiest route)/gi, why: "reports the original's reading, which the text then tests" },
  { pattern: /\b(every region and on every run)/gi, why: 'introduces keras-beats-tfjs and adaptive-beats-sgd, the claims that follow' },
  { pattern: /\b(separates the classes most cheaply|which is all the network was ever asked for|learned every 9)/gi, why: 'an interpretation, offered as one, of the claims around it' },
  { pattern: /\b(not in the shape of a digit at all|digits at all|edges and all|hidden layers at all|trained every model|each comparison|less than we might hope)/gi, why: 'idiom, a heading, or the method' },
];

/** The article's prose outside `<Claim>` and the components: what a sentence could claim unchecked. */
function unclaimedProse(): string {
  const source = readFileSync(join(ROOT, 'content', 'article.mdx'), 'utf8');
  const lede = /^lede: (.*)$/m.exec(source)?.[1] ?? '';
  const body = source
    .replace(/^---[\s\S]*?---/, '')
    .replace(/^(import|export) .*$/gm, '')
    .replace(/<Claim\b[^>]*>[\s\S]*?<\/Claim>/g, ' ')
    .replace(/<[A-Z][A-Za-z]*\b[^>]*\/>/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
  return `${lede}\n${body}`.replace(/\s+/g, ' ');
}

describe('the prose outside the claims', () => {
  it('uses no comparison word that is not a reviewed, claim-free phrase', () => {
    let text = unclaimedProse();
    const unused: string[] = [];
    for (const { pattern } of UNCLAIMED) {
      if (!text.match(pattern)) unused.push(String(pattern));
      text = text.replace(pattern, ' ');
    }
    const found = [...text.matchAll(/\b(more than|less|every|never|always|most|all)\b/gi)].map((m) => text.slice(Math.max(0, m.index - 50), m.index + 30));
    expect(found).toEqual([]);
    expect(unused).toEqual([]);
  });
});

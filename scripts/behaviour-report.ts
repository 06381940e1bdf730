/**
 * `npx tsx scripts/behaviour-report.ts [manifest.json]`: prints the behaviour tests of a figure
 * run, per variant, as the mean over seeds and the seed range (min-max):
 *   erase   the owner's test images that ink its region, as they are and with the region erased;
 *           every test image with every region erased;
 *   plant   the share of the other digits' images that flip to the owner, and the mean change in
 *           the owner's probability, per region;
 *   shift   accuracy with the whole test set moved ±2 and ±3 rows, then columns: overall and for 6, 7, 9.
 * Reads public/generated/manifest.json unless given another manifest.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BehaviourMetric } from '../src/lib/behaviour-values';
import { type Manifest, parseManifest, type VariantEntry } from '../src/lib/manifest';
import { quantitySpread, type Spread } from '../src/lib/quantity';
import { EDGE_REGION_OWNERS } from '../src/experiment/regions';
import { OPTIMIZERS } from '../src/experiment/optimizers';
import { DEFAULT_OUT, MANIFEST_FILE } from './pipeline';
import { textTable } from './text-table';

/** The variants reported, in this order, when the manifest has them. */
const REPORTED = ['mlp-60k', 'mlp-60k-rmsprop-tfjs', 'mlp-60k-adam', 'mlp-60k-sgd', 'mlp-60k-translated', 'mlp-500', 'linear-60k'];
const SHIFTS = [-3, -2, 2, 3];
const DIGITS = [6, 7, 9];

const range = (s: Spread, digits = 3) => `${s.mean.toFixed(digits)} (${s.min.toFixed(digits)} to ${s.max.toFixed(digits)})`;
const signed = (s: Spread) => range(s, 4);

function describe(v: VariantEntry): string {
  return `${v.id} (${OPTIMIZERS[v.config.optimizer].label}${v.config.maxShift ? `, moved ±${v.config.maxShift} px` : ''}, ${v.seeds.length} seeds)`;
}

/** Prints the behaviour tests of `variants`, each read through `quantityOf` as the article reads them. */
export function behaviourReport(manifest: Manifest, variants: readonly VariantEntry[]): string {
  const over = (v: VariantEntry, metric: BehaviourMetric) => quantitySpread(manifest, { variant: v.id, ...metric });
  const sections: string[] = [];
  sections.push(
    'ERASE: the owner’s test images that ink its region, as they are and with the region set to 0;\n' +
      'then every test image with all three regions set to 0 (beside the unchanged test accuracy)\n' +
      textTable(
        ['variant', 'region', 'digit', 'inked (mean)', 'as they are', 'erased'],
        variants.flatMap((v) =>
          EDGE_REGION_OWNERS.map(({ region, digit }) => [
            v.id,
            region,
            String(digit),
            over(v, { metric: 'inked', region }).mean.toFixed(0),
            range(over(v, { metric: 'ownerAccuracy', region })),
            range(over(v, { metric: 'erasedAccuracy', region })),
          ]),
        ),
      ) +
      '\n\n' +
      textTable(
        ['variant', 'all regions erased', 'unchanged'],
        variants.map((v) => [v.id, range(over(v, { metric: 'erasedAllAccuracy' })), range(quantitySpread(manifest, { variant: v.id, metric: 'testAccuracy' }))]),
      ),
  );
  sections.push(
    'PLANT: a block of full ink in the region of every test image of the other nine digits\n' +
      textTable(
        ['variant', 'region', 'owner', 'flip share', 'mean change in p(owner)'],
        variants.flatMap((v) =>
          EDGE_REGION_OWNERS.map(({ region, digit }) => [
            v.id,
            region,
            String(digit),
            range(over(v, { metric: 'flipShare', region })),
            signed(over(v, { metric: 'probabilityChange', region })),
          ]),
        ),
      ),
  );
  for (const axis of ['rows', 'columns'] as const) {
    sections.push(
      `SHIFT (${axis}, positive: ${axis === 'rows' ? 'down' : 'right'}): accuracy on the whole test set moved, overall and for ${DIGITS.join(', ')}\n` +
        textTable(
          ['variant', 'offset', 'overall', ...DIGITS.map((d) => `digit ${d}`)],
          variants.flatMap((v) =>
            SHIFTS.map((offset) => [
              v.id,
              offset > 0 ? `+${offset}` : String(offset),
              range(over(v, { metric: 'shiftAccuracy', axis, offset })),
              ...DIGITS.map((digit) => range(over(v, { metric: 'shiftAccuracy', axis, offset, digit }))),
            ]),
          ),
        ),
    );
  }
  const seconds = variants.flatMap((v) => v.seeds).reduce((t, s) => t + (s.behaviourSeconds ?? 0), 0);
  return [
    `Behaviour tests: mean over seeds (seed range). Variants: ${variants.map(describe).join('; ')}.`,
    ...sections,
    `behaviour tests took ${seconds.toFixed(1)} s over these variants' seeds (summed over runs)`,
  ].join('\n\n');
}

async function main(): Promise<void> {
  const path = process.argv[2] ?? join(DEFAULT_OUT, MANIFEST_FILE);
  const manifest = parseManifest(JSON.parse(await readFile(path, 'utf8')), path);
  const variants = REPORTED.flatMap((id) => manifest.variants.filter((v) => v.id === id));
  if (variants.length === 0) throw new Error(`${path} has none of the variants ${REPORTED.join(', ')}`);
  console.log(`${path} (${manifest.profile} profile, ${manifest.dataset.testCount} test images)\n`);
  console.log(behaviourReport(manifest, variants));
}

main().catch((error: unknown) => {
  console.error(`behaviour report failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

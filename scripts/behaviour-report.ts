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
import { spreadOver, type Spread } from '../src/components/data/seeds';
import { type BehaviourEntry, parseManifest, type SeedRun, type VariantEntry } from '../src/lib/manifest';
import { OPTIMIZERS } from '../src/experiment/optimizers';
import { DEFAULT_OUT, MANIFEST_FILE } from './pipeline';
import { textTable } from './text-table';

/** The variants reported, in this order, when the manifest has them. */
const REPORTED = ['mlp-60k', 'mlp-60k-rmsprop-tfjs', 'mlp-60k-adam', 'mlp-60k-sgd', 'mlp-60k-translated', 'mlp-500', 'linear-60k'];
const SHIFTS = [-3, -2, 2, 3];
const DIGITS = [6, 7, 9];

const range = (s: Spread, digits = 3) => `${s.mean.toFixed(digits)} (${s.min.toFixed(digits)} to ${s.max.toFixed(digits)})`;
const signed = (s: Spread) => range(s, 4);

function behaviourOf(run: SeedRun, variant: VariantEntry): BehaviourEntry {
  if (!run.behaviour) throw new Error(`${variant.id} seed ${run.seed} has no behaviour measures`);
  return run.behaviour;
}

function describe(v: VariantEntry): string {
  return `${v.id} (${OPTIMIZERS[v.config.optimizer].label}${v.config.maxShift ? `, moved ±${v.config.maxShift} px` : ''}, ${v.seeds.length} seeds)`;
}

export function behaviourReport(variants: readonly VariantEntry[]): string {
  const over = (v: VariantEntry, value: (b: BehaviourEntry) => number) => spreadOver(v, (run) => value(behaviourOf(run, v)));
  const regions = (v: VariantEntry) => behaviourOf(v.seeds[0], v).erase.map((e, i) => ({ i, region: e.region, digit: e.digit }));
  const sections: string[] = [];
  sections.push(
    'ERASE: the owner’s test images that ink its region, as they are and with the region set to 0;\n' +
      'then every test image with all three regions set to 0 (beside the unchanged test accuracy)\n' +
      textTable(
        ['variant', 'region', 'digit', 'inked (mean)', 'as they are', 'erased'],
        variants.flatMap((v) =>
          regions(v).map(({ i, region, digit }) => [
            v.id,
            region,
            String(digit),
            over(v, (b) => b.erase[i].inked).mean.toFixed(0),
            range(over(v, (b) => b.erase[i].accuracy ?? NaN)),
            range(over(v, (b) => b.erase[i].erasedAccuracy ?? NaN)),
          ]),
        ),
      ) +
      '\n\n' +
      textTable(
        ['variant', 'all regions erased', 'unchanged'],
        variants.map((v) => [v.id, range(over(v, (b) => b.erasedAllAccuracy)), range(spreadOver(v, (s) => s.testAccuracy))]),
      ),
  );
  sections.push(
    'PLANT: a block of full ink in the region of every test image of the other nine digits\n' +
      textTable(
        ['variant', 'region', 'owner', 'flip share', 'mean change in p(owner)'],
        variants.flatMap((v) =>
          regions(v).map(({ i, region, digit }) => [
            v.id,
            region,
            String(digit),
            range(over(v, (b) => b.plant[i].flipShare)),
            signed(over(v, (b) => b.plant[i].meanProbabilityChange)),
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
            SHIFTS.map((offset) => {
              const entry = (b: BehaviourEntry) => {
                const found = b.shift[axis].find((e) => e.offset === offset);
                if (!found) throw new Error(`${v.id}: no shift of ${offset} ${axis}`);
                return found;
              };
              return [
                v.id,
                offset > 0 ? `+${offset}` : String(offset),
                range(over(v, (b) => entry(b).accuracy)),
                ...DIGITS.map((d) => range(over(v, (b) => entry(b).perClassAccuracy[d]))),
              ];
            }),
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
  console.log(behaviourReport(variants));
}

main().catch((error: unknown) => {
  console.error(`behaviour report failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

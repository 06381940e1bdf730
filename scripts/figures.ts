/**
 * `npm run figures`: trains the article's models and writes its figures to public/generated/.
 * `npm run figures -- --help` lists the options (`figures-args.ts`).
 */
import { resolve } from 'node:path';
import { parseFiguresArgs, figuresUsage } from './figures-args';
import { DEFAULT_OUT, runPipeline } from './pipeline';
import { summaryTable } from './summary';

/** Said before and after a one-seed run that replaces the article's figures. */
const ONE_SEED_NOTICE = [
  '*** ONE-SEED FIGURES: public/generated/ now gets one seed per variant instead of the full set. ***',
  '*** The page will say its comparisons were checked on one seed only, and the next `npm run build` ***',
  '*** retrains the full set (about 8-9 minutes on two cores).                                       ***',
].join('\n');

async function main(): Promise<void> {
  const args = parseFiguresArgs(process.argv.slice(2));
  if (args.help) {
    console.log(figuresUsage());
    return;
  }
  const replacesFull = args.profile.name === 'one-seed' && resolve(args.outDir ?? DEFAULT_OUT) === DEFAULT_OUT;
  if (replacesFull) console.log(ONE_SEED_NOTICE);
  const started = performance.now();
  const { manifest, cached } = await runPipeline(args);
  const seconds = (performance.now() - started) / 1000;
  console.log(cached ? `figures are up to date (reused, ${seconds.toFixed(1)} s); --force retrains` : `figures written in ${seconds.toFixed(1)} s`);
  console.log(summaryTable(manifest));
  if (replacesFull) console.log(ONE_SEED_NOTICE);
}

main().catch((error: unknown) => {
  console.error(`figures failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

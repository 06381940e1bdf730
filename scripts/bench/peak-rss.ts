/**
 * Runs a TypeScript entry point in this process and reports its peak resident memory on exit:
 *   node --import tsx scripts/bench/peak-rss.ts <script.ts> [args...]
 * prints `peak-rss-kb <n>` as the last line of stderr.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) throw new Error('usage: peak-rss.ts <script.ts> [args...]');
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script)).href);

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PipelineRun {
  seconds: number;
  peakRssMb: number;
  /** The pipeline reused its previous output instead of retraining. */
  reused: boolean;
  /** The pipeline's own last lines (its summary), for the record. */
  tail: string;
}

/**
 * Runs `tsx scripts/figures.ts <args>` in a child process from `root`, timing it from spawn to
 * exit (so start-up, MNIST loading and writing count) and reading its peak RSS. Rejects on a
 * non-zero exit with the child's stderr.
 */
export async function timePipeline(root: string, args: string[]): Promise<PipelineRun> {
  const tsx = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
  const argv = ['--import', tsx, join(root, 'scripts/bench/peak-rss.ts'), join(root, 'scripts/figures.ts'), ...args];
  const started = performance.now();
  const child = spawn(process.execPath, argv, { cwd: root, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`figures ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-5).join('\n')}`);
  const rss = /peak-rss-kb (\d+)/.exec(stderr);
  return {
    seconds,
    peakRssMb: rss ? Number(rss[1]) / 1024 : NaN,
    reused: /up to date \(reused/.test(stdout),
    tail: stdout.trim().split('\n').slice(-8).join('\n'),
  };
}

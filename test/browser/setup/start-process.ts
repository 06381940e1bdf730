import { type ChildProcess, spawn } from 'node:child_process';

/** A helper process a test started, and what it has printed so far. */
export interface StartedProcess {
  child: ChildProcess;
  /** What it printed on stdout. */
  stdout(): string;
  /** All it printed, stdout and stderr, in the order it came. */
  output(): string;
  /** Stops it (with its process group, when started `detached`) if it is still running. */
  stop(): void;
}

export interface StartOptions {
  /** The name errors give it; the command by default. */
  name?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Starts it in a process group of its own, so that `stop` ends the children it starts too. */
  detached?: boolean;
  /** How long it may take before `ready` holds. */
  timeoutMs: number;
  /** How often `ready` is asked. */
  pollMs: number;
}

/**
 * Starts `command` and resolves once `ready` holds, asked every `pollMs` (a throw counts as not
 * yet). Stops it and rejects with all it printed if it exits first or is not ready within
 * `timeoutMs`.
 */
export async function startProcess(
  command: string,
  args: string[],
  options: StartOptions,
  ready: (started: StartedProcess) => Promise<boolean>,
): Promise<StartedProcess> {
  const { name = command, cwd, env, detached = false, timeoutMs, pollMs } = options;
  const child = spawn(command, args, { cwd, env, detached, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  const stop = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    if (detached) process.kill(-child.pid, 'SIGTERM');
    else child.kill();
  };
  const started: StartedProcess = { child, stdout: () => out, output: () => text, stop };
  const deadline = Date.now() + timeoutMs;
  while (!(await ready(started).catch(() => false))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`${name} ${child.exitCode === null ? `was not ready within ${timeoutMs / 1000} s` : `exited (${child.exitCode})`}:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return started;
}

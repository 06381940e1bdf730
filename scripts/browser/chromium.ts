import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Flags for a quiet, reproducible headless Chromium. Playwright gives every launch a fresh
 * temporary profile (user-data-dir) of its own and removes it on close.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The same, plus WebGPU, for the tests and benchmarks that train on it: Chromium on Linux offers
 * WebGPU only with this flag. With --disable-gpu its one adapter is SwiftShader, on the CPU, so
 * what runs there is correct but slow. The other tests keep WebGPU off, as most readers' Linux
 * Chromium has it, so that "automatic" has WebAssembly alone to choose from.
 */
export const WEBGPU_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'];

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The commands that install Debian's Chromium, as `npm test` runs them when it can. */
export const APT_COMMANDS: readonly (readonly string[])[] = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
];

/** What `npm test` found about the machine, for {@link chromiumPlan}. */
export interface ChromiumHost {
  /** CHROMIUM_PATH, if set and not empty. */
  configured?: string;
  /** Whether a file exists at a path. */
  exists: (path: string) => boolean;
  /** Running as root (uid 0). */
  isRoot: boolean;
  /** `apt-get` is on the PATH. */
  hasApt: boolean;
}

/** Use the browser at `path`, install Debian's first, or stop with a message that says what to do. */
export type ChromiumPlan =
  | { action: 'use'; path: string }
  | { action: 'install'; path: string; commands: readonly (readonly string[])[] }
  | { action: 'fail'; message: string };

/**
 * Decides how the browser tests get their Chromium: the one at CHROMIUM_PATH (which must exist),
 * else Debian's, installed with apt-get when it is missing and this process may (root, apt).
 * Otherwise the message names the exact fix.
 */
export function chromiumPlan(host: ChromiumHost): ChromiumPlan {
  if (host.configured) {
    return host.exists(host.configured)
      ? { action: 'use', path: host.configured }
      : {
          action: 'fail',
          message:
            `CHROMIUM_PATH is ${host.configured}, but there is no file there.\n` +
            `Fix: point CHROMIUM_PATH at a Chromium or Chrome binary, or unset it to use Debian's ${DEBIAN_CHROMIUM}.`,
        };
  }
  if (host.exists(DEBIAN_CHROMIUM)) return { action: 'use', path: DEBIAN_CHROMIUM };
  if (host.isRoot && host.hasApt) return { action: 'install', path: DEBIAN_CHROMIUM, commands: APT_COMMANDS };
  const apt = APT_COMMANDS.map((c) => `sudo ${c.join(' ')}`).join(' && ');
  return {
    action: 'fail',
    message: host.hasApt
      ? `Chromium is not at ${DEBIAN_CHROMIUM}, and npm test can install it only as root.\n` +
        `Fix: ${apt}\n(or set CHROMIUM_PATH to a Chromium or Chrome binary), then run npm test again.`
      : `Chromium is not at ${DEBIAN_CHROMIUM}, and this machine has no apt-get to install Debian's.\n` +
        `Fix: install Chromium or Chrome and set CHROMIUM_PATH to its binary, e.g. CHROMIUM_PATH=/path/to/chrome npm test.`,
  };
}

/** This machine, as {@link chromiumPlan} needs it. */
export function currentHost(): ChromiumHost {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return {
    configured: process.env.CHROMIUM_PATH || undefined,
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    hasApt: dirs.some((dir) => existsSync(join(dir, 'apt-get'))),
  };
}

/**
 * The Chromium the browser tests and benchmarks launch: CHROMIUM_PATH, else Debian's. Fails with
 * the fix when it is missing (`npm test` installs it first when it can: `ensure-chromium.ts`).
 */
export function chromiumPath(): string {
  const plan = chromiumPlan(currentHost());
  if (plan.action === 'use') return plan.path;
  if (plan.action === 'fail') throw new Error(plan.message);
  const commands = plan.commands.map((c) => c.join(' ')).join(' && ');
  throw new Error(`Chromium is not at ${plan.path}.\nFix: npm test installs it, or run ${commands}`);
}

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

/** A program the browser tests drive, as Debian packages it. */
export interface BrowserSpec {
  /** What the messages call it, e.g. `Chromium`. */
  name: string;
  /** The environment variable that points at another binary, e.g. `CHROMIUM_PATH`. */
  envVar: string;
  /** Where Debian's package puts it. */
  debianPath: string;
  /** Debian's package. */
  aptPackage: string;
  /** What `envVar` must point at, for the messages, e.g. `a Chromium or Chrome binary`. */
  binary: string;
}

/** Debian's Chromium. */
export const CHROMIUM: BrowserSpec = {
  name: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  debianPath: '/usr/bin/chromium',
  aptPackage: 'chromium',
  binary: 'a Chromium or Chrome binary',
};

/** The commands that install a Debian package, as `npm test` runs them when it can. */
export function aptCommands(...packages: string[]): readonly (readonly string[])[] {
  return [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', ...packages],
  ];
}

/** What `npm test` found about the machine, for {@link browserPlan}. */
export interface BrowserHost {
  /** The spec's environment variable (CHROMIUM_PATH for Chromium), if set and not empty. */
  configured?: string;
  /** Whether a file exists at a path. */
  exists: (path: string) => boolean;
  /** Running as root (uid 0). */
  isRoot: boolean;
  /** `apt-get` is on the PATH. */
  hasApt: boolean;
}

/** Use the program at `path`, install Debian's first, or stop with a message that says what to do. */
export type BrowserPlan =
  | { action: 'use'; path: string }
  | { action: 'install'; path: string; commands: readonly (readonly string[])[] }
  | { action: 'fail'; message: string };

/**
 * Decides how the browser tests get a program: the one at its environment variable (which must
 * exist), else Debian's, installed with apt-get when it is missing and this process may (root,
 * apt). Otherwise the message names the exact fix.
 */
export function browserPlan(spec: BrowserSpec, host: BrowserHost): BrowserPlan {
  const { name, envVar, debianPath, binary } = spec;
  if (host.configured) {
    return host.exists(host.configured)
      ? { action: 'use', path: host.configured }
      : {
          action: 'fail',
          message:
            `${envVar} is ${host.configured}, but there is no file there.\n` +
            `Fix: point ${envVar} at ${binary}, or unset it to use Debian's ${debianPath}.`,
        };
  }
  if (host.exists(debianPath)) return { action: 'use', path: debianPath };
  const commands = aptCommands(spec.aptPackage);
  if (host.isRoot && host.hasApt) return { action: 'install', path: debianPath, commands };
  const apt = commands.map((c) => `sudo ${c.join(' ')}`).join(' && ');
  return {
    action: 'fail',
    message: host.hasApt
      ? `${name} is not at ${debianPath}, and npm test can install it only as root.\n` +
        `Fix: ${apt}\n(or set ${envVar} to ${binary}), then run npm test again.`
      : `${name} is not at ${debianPath}, and this machine has no apt-get to install Debian's.\n` +
        `Fix: install ${name} and set ${envVar} to its binary, e.g. ${envVar}=/path/to/it npm test.`,
  };
}

/** This machine, as {@link browserPlan} needs it for `spec`. */
export function currentHost(spec: BrowserSpec = CHROMIUM): BrowserHost {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return {
    configured: process.env[spec.envVar] || undefined,
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    hasApt: dirs.some((dir) => existsSync(join(dir, 'apt-get'))),
  };
}

/**
 * Where `spec`'s program is: its environment variable, else Debian's. Fails with the fix when it
 * is missing (`npm test` installs it first when it can: `ensure-browsers.ts`).
 */
export function browserPath(spec: BrowserSpec): string {
  const plan = browserPlan(spec, currentHost(spec));
  if (plan.action === 'use') return plan.path;
  if (plan.action === 'fail') throw new Error(plan.message);
  const commands = plan.commands.map((c) => c.join(' ')).join(' && ');
  throw new Error(`${spec.name} is not at ${plan.path}.\nFix: npm test installs it, or run ${commands}`);
}

/**
 * The Chromium the browser tests and benchmarks launch: CHROMIUM_PATH, else Debian's. Fails with
 * the fix when it is missing (`npm test` installs it first when it can: `ensure-browsers.ts`).
 */
export function chromiumPath(): string {
  return browserPath(CHROMIUM);
}

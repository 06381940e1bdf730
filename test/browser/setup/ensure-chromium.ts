/**
 * First step of `npm test`: makes sure the browser tests have a Chromium. Uses CHROMIUM_PATH or
 * Debian's /usr/bin/chromium; installs Debian's with apt-get when it is missing and this runs as
 * root; otherwise stops with the exact fix (see `chromiumPlan`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPlan, currentHost } from '../../../scripts/browser/chromium';

function main(): number {
  const plan = chromiumPlan(currentHost());
  if (plan.action === 'use') return 0;
  if (plan.action === 'fail') {
    console.error(plan.message);
    return 1;
  }
  console.log(`Chromium is not at ${plan.path}: installing Debian's (the browser tests drive it)`);
  for (const [command, ...args] of plan.commands) {
    console.log(`> ${command} ${args.join(' ')}`);
    const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}); install Chromium yourself or set CHROMIUM_PATH`);
      return 1;
    }
  }
  if (!existsSync(plan.path)) {
    console.error(`apt-get installed chromium, but ${plan.path} is still missing: set CHROMIUM_PATH to its binary`);
    return 1;
  }
  return 0;
}

process.exitCode = main();

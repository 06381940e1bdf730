/**
 * First step of `npm test`: makes sure the browser tests have their browsers: Chromium, Firefox
 * ESR, and WebKitGTK's WebKitWebDriver and MiniBrowser with Xvfb to show it on. Each comes from
 * its environment variable (CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, MINIBROWSER_PATH,
 * XVFB_PATH) or Debian's package; the missing packages are installed with apt-get when this runs
 * as root; otherwise it stops with the exact fix (see `browserPlan`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptCommands, browserPlan, currentHost } from '../../../scripts/browser/chromium';
import { ALL_BROWSERS } from './engines';

function main(): number {
  const plans = ALL_BROWSERS.map((spec) => ({ spec, plan: browserPlan(spec, currentHost(spec)) }));
  const failed = plans.flatMap(({ plan }) => (plan.action === 'fail' ? [plan.message] : []));
  if (failed.length) {
    console.error(failed.join('\n\n'));
    return 1;
  }
  const missing = plans.filter(({ plan }) => plan.action === 'install');
  if (!missing.length) return 0;
  const packages = [...new Set(missing.map(({ spec }) => spec.aptPackage))];
  console.log(`${missing.map(({ spec }) => spec.name).join(', ')} missing: installing Debian's ${packages.join(', ')} (the browser tests drive them)`);
  for (const [command, ...args] of aptCommands(...packages)) {
    console.log(`> ${command} ${args.join(' ')}`);
    const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}); install them yourself or set their *_PATH variables`);
      return 1;
    }
  }
  for (const { spec, plan } of missing) {
    if (plan.action === 'install' && !existsSync(plan.path)) {
      console.error(`apt-get installed ${spec.aptPackage}, but ${plan.path} is still missing: set ${spec.envVar} to its binary`);
      return 1;
    }
  }
  return 0;
}

process.exitCode = main();

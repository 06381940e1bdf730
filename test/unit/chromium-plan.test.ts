import { describe, expect, it } from 'vitest';
import { aptCommands, browserPlan, CHROMIUM } from '../../scripts/browser/chromium';
import { FIREFOX, XVFB } from '../browser/setup/engines';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('how npm test gets its Chromium', () => {
  it('uses Debian’s when it is there, and CHROMIUM_PATH when it is set and exists', () => {
    expect(browserPlan(CHROMIUM, { exists: only(CHROMIUM.debianPath), isRoot: false, hasApt: false })).toEqual({ action: 'use', path: CHROMIUM.debianPath });
    expect(browserPlan(CHROMIUM, { configured: '/opt/chrome/chrome', exists: only('/opt/chrome/chrome'), isRoot: false, hasApt: false })).toEqual({
      action: 'use',
      path: '/opt/chrome/chrome',
    });
  });

  it('installs Debian’s with apt-get when it is missing, as root with apt', () => {
    expect(browserPlan(CHROMIUM, { exists: only(), isRoot: true, hasApt: true })).toEqual({
      action: 'install',
      path: CHROMIUM.debianPath,
      commands: aptCommands(CHROMIUM.aptPackage),
    });
    expect(aptCommands(CHROMIUM.aptPackage).map((c) => c.join(' '))).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends chromium']);
  });

  it('stops with the sudo commands when it is not root', () => {
    const plan = browserPlan(CHROMIUM, { exists: only(), isRoot: false, hasApt: true });
    expect(plan.action).toBe('fail');
    if (plan.action === 'fail') {
      expect(plan.message).toContain('only as root');
      expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium');
    }
  });

  it('asks for CHROMIUM_PATH where there is no apt-get', () => {
    const plan = browserPlan(CHROMIUM, { exists: only(), isRoot: true, hasApt: false });
    expect(plan).toMatchObject({ action: 'fail' });
    if (plan.action === 'fail') expect(plan.message).toMatch(/no apt-get[\s\S]*CHROMIUM_PATH=/);
  });

  it('never installs over a CHROMIUM_PATH that points at nothing, even as root with Debian’s present', () => {
    const plan = browserPlan(CHROMIUM, { configured: '/nowhere/chrome', exists: only(CHROMIUM.debianPath), isRoot: true, hasApt: true });
    expect(plan).toMatchObject({ action: 'fail' });
    if (plan.action === 'fail') expect(plan.message).toContain('CHROMIUM_PATH is /nowhere/chrome, but there is no file there');
  });

  it('plans the other engines the same way, each with its own package and variable', () => {
    expect(browserPlan(XVFB, { exists: only(), isRoot: true, hasApt: true })).toEqual({
      action: 'install',
      path: '/usr/bin/Xvfb',
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'xvfb'],
      ],
    });
    const plan = browserPlan(FIREFOX, { configured: '/nowhere/firefox', exists: only(FIREFOX.debianPath), isRoot: true, hasApt: true });
    expect(plan).toMatchObject({ action: 'fail' });
    if (plan.action === 'fail') expect(plan.message).toContain('FIREFOX_PATH is /nowhere/firefox');
  });
});

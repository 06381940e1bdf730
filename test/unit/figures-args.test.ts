import { describe, expect, it } from 'vitest';
import { FIGURES_OPTIONS, figuresUsage, parseFiguresArgs } from '../../scripts/figures-args';
import { FULL_PROFILE, ONE_SEED_PROFILE, QUICK_PROFILE } from '../../scripts/profiles';

describe('npm run figures arguments', () => {
  it('answer --help with a usage that lists every option, none wider than 100 columns', () => {
    expect(parseFiguresArgs(['--help'])).toEqual({ help: true });
    const usage = figuresUsage();
    for (const name of Object.keys(FIGURES_OPTIONS)) expect(usage).toMatch(new RegExp(`^  --${name}\\b`, 'm'));
    expect(usage).toContain('--out DIR');
    expect(Math.max(...usage.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('pick the profile: full by default, one seed a variant, or the test configuration', () => {
    expect(parseFiguresArgs([])).toMatchObject({ help: false, profile: FULL_PROFILE, force: false });
    expect(parseFiguresArgs(['--one-seed'])).toMatchObject({ profile: ONE_SEED_PROFILE });
    expect(parseFiguresArgs(['--quick', '--out', '/tmp/x', '--jobs', '1', '--threads', '2'])).toMatchObject({
      profile: QUICK_PROFILE,
      outDir: '/tmp/x',
      jobs: 1,
      wasmThreads: 2,
    });
  });

  it('refuse what they do not know, pointing at --help, and bad numbers naming the option', () => {
    expect(() => parseFiguresArgs(['--preview'])).toThrow("Unknown option '--preview'; npm run figures -- --help lists the options");
    expect(() => parseFiguresArgs(['--jobs', '0'])).toThrow('--jobs must be a whole number from 1 to 8, not "0"');
    expect(() => parseFiguresArgs(['--backend', 'gpu'])).toThrow(/--backend must be tensorflow, wasm or cpu/);
    expect(() => parseFiguresArgs(['--quick', '--one-seed'])).toThrow(/pick one/);
  });
});

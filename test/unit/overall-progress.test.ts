import { describe, expect, it } from 'vitest';
import { clock, describeOverall, forwardMultiplyAdds, OverallProgress, PER_IMAGE_OVERHEAD, runWork } from '../../scripts/overall-progress';
import { FULL_PROFILE } from '../../scripts/profiles';
import { seedTasks } from '../../scripts/variant-runs';

describe('the work of a training run', () => {
  it('counts the multiply-adds of a forward pass per image: 784·512 + 512·256 + 256·10 and 784·10', () => {
    expect(forwardMultiplyAdds({ architecture: 'mlp' })).toBe(784 * 512 + 512 * 256 + 256 * 10);
    expect(forwardMultiplyAdds({ architecture: 'linear' })).toBe(7840);
  });

  it('is three passes and an overhead per training image and one pass per evaluated test image, the figure seed evaluating every epoch', () => {
    const spec = FULL_PROFILE.variants.find((v) => v.id === 'linear-60k');
    if (!spec) throw new Error('no linear-60k');
    expect(runWork(spec, FULL_PROFILE, false)).toBe(6 * 60000 * (3 * 7840 + PER_IMAGE_OVERHEAD) + 10000 * 7840);
    expect(runWork(spec, FULL_PROFILE, true)).toBe(6 * 60000 * (3 * 7840 + PER_IMAGE_OVERHEAD) + 6 * 10000 * 7840);
  });

  it('puts 93-95% of the full profile’s work in its first 14 runs, the 60,000-image multi-layer networks, as the run logs show', () => {
    const work = seedTasks(FULL_PROFILE).map((t) => runWork(t.spec, FULL_PROFILE, t.seedIndex === 0));
    const share = work.slice(0, 14).reduce((a, b) => a + b, 0) / work.reduce((a, b) => a + b, 0);
    expect(share).toBeGreaterThan(0.93);
    expect(share).toBeLessThan(0.95);
  });
});

describe('OverallProgress', () => {
  it('weights runs by their work, and predicts the rest at the pace so far', () => {
    let t = 0;
    const progress = new OverallProgress(
      [
        { label: 'big', work: 900 },
        { label: 'small', work: 100 },
      ],
      () => t,
      -30_000,
    );
    expect(progress.status()).toEqual({ fraction: 0, elapsedSeconds: 30, etaSeconds: null });
    t = 60_000;
    progress.update('big', 0.5);
    progress.update('nobody', 1);
    expect(progress.status()).toEqual({ fraction: 0.45, elapsedSeconds: 90, etaSeconds: (60 * 0.55) / 0.45 });
    progress.update('big', 1);
    progress.update('small', 2);
    expect(progress.status().fraction).toBe(1);
    expect(progress.status().etaSeconds).toBe(0);
  });

  it('reads as share, elapsed and ETA', () => {
    expect(describeOverall({ fraction: 0.379, elapsedSeconds: 161, etaSeconds: 275.4 })).toBe('all runs  37%  elapsed 2:41  ETA 4:35');
    expect(describeOverall({ fraction: 0, elapsedSeconds: 3, etaSeconds: null })).toBe('all runs   0%  elapsed 0:03  ETA -');
    expect(clock(3725)).toBe('1:02:05');
  });
});

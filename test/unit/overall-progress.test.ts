import { describe, expect, it } from 'vitest';
import { BEHAVIOUR_TEST_PASSES, clock, describeOverall, forwardMultiplyAdds, OverallProgress, PER_IMAGE_OVERHEAD, runWork } from '../../scripts/overall-progress';
import { FULL_PROFILE } from '../../scripts/profiles';
import { seedTasks } from '../../scripts/variant-runs';

describe('the work of a training run', () => {
  it('counts the multiply-adds of a forward pass per image: 784·512 + 512·256 + 256·10 and 784·10', () => {
    expect(forwardMultiplyAdds({ architecture: 'mlp' })).toBe(784 * 512 + 512 * 256 + 256 * 10);
    expect(forwardMultiplyAdds({ architecture: 'linear' })).toBe(7840);
  });

  it('is three passes and an overhead per training image and one pass per evaluated test image, the figure seed evaluating every epoch, plus the behaviour tests', () => {
    const spec = FULL_PROFILE.variants.find((v) => v.id === 'linear-60k');
    if (!spec) throw new Error('no linear-60k');
    // Unmoved, all erased, three planted sets, six row shifts and six column shifts.
    expect(BEHAVIOUR_TEST_PASSES).toBe(17);
    expect(runWork(spec, FULL_PROFILE, false)).toBe(6 * 60000 * (3 * 7840 + PER_IMAGE_OVERHEAD) + (1 + 17) * 10000 * 7840);
    expect(runWork(spec, FULL_PROFILE, true)).toBe(6 * 60000 * (3 * 7840 + PER_IMAGE_OVERHEAD) + (6 + 17) * 10000 * 7840);
    const study500 = FULL_PROFILE.variants.find((v) => v.id === 'mlp-500-sgd');
    if (!study500) throw new Error('no mlp-500-sgd');
    const mlp = 784 * 512 + 512 * 256 + 256 * 10;
    expect(runWork(study500, FULL_PROFILE, false)).toBe(6 * 500 * (3 * mlp + PER_IMAGE_OVERHEAD) + 10000 * mlp);
  });

  it('puts 90-95% of the full profile’s work in the 60,000-image multi-layer runs (94% of the training time in the run logs, before the behaviour tests of the other variants)', () => {
    const tasks = seedTasks(FULL_PROFILE);
    const work = tasks.map((t) => runWork(t.spec, FULL_PROFILE, t.seedIndex === 0));
    const heavy = tasks.map((t) => t.spec.architecture === 'mlp' && t.spec.trainCount === 60000);
    expect(heavy.filter(Boolean).length).toBe(17);
    const share = work.filter((_, i) => heavy[i]).reduce((a, b) => a + b, 0) / work.reduce((a, b) => a + b, 0);
    expect(share).toBeGreaterThan(0.9);
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

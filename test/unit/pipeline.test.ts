import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT, referencedFiles, runPipeline } from '../../scripts/pipeline';
import type { ProgressReporter } from '../../scripts/progress';
import { QUICK_PROFILE } from '../../scripts/profiles';
import { parseManifest, type Manifest } from '../../src/lib/manifest';
import { TINY_PROFILE } from '../helpers/tiny-profile';

const silent: ProgressReporter = {
  log: () => {},
  startVariant: () => ({ onBatchEnd() {}, onEpochEnd() {}, stop() {} }),
};

let root: string;
let first: Manifest;
/** Tensors the run in this thread (jobs: 1) left behind. */
let leaked: number;
const outA = () => join(root, 'a');
const outB = () => join(root, 'b');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'figures-test-'));
  // Two runs at a time in worker threads...
  first = (await runPipeline({ profile: TINY_PROFILE, outDir: outA(), force: true, backend: 'wasm', progress: silent, jobs: 2 })).manifest;
  // ...and one by one in this thread, where tf.memory() can see its tensors.
  const before = tf.memory().numTensors;
  await runPipeline({ profile: TINY_PROFILE, outDir: outB(), force: true, backend: 'wasm', progress: silent, jobs: 1 });
  leaked = tf.memory().numTensors - before;
}, 240_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('figure pipeline (tiny configuration)', () => {
  it('writes a manifest that passes the schema and names files that exist', async () => {
    const manifest = parseManifest(JSON.parse(await readFile(join(outA(), 'manifest.json'), 'utf8')));
    expect(manifest.profile).toBe('quick');
    expect(manifest.variants.map((v) => v.id).slice(0, 3)).toEqual(['mlp-500', 'mlp-60k', 'linear-60k']);
    expect(manifest.variants.map((v) => v.config.optimizer)).toContain('sgd');
    for (const file of referencedFiles(manifest)) expect(existsSync(join(outA(), file)), file).toBe(true);
    const mlp = manifest.variants[0];
    expect(mlp.layers.map((l) => l.nodes)).toEqual([512, 256, 10]);
    expect(manifest.variants[2].layers.map((l) => l.nodes)).toEqual([10]);
    // Every seed of the experiment's MLPs carries its effective measures, the figure seed's those of the figure.
    for (const v of manifest.variants.filter((x) => x.role === 'experiment' && x.architecture === 'mlp')) {
      expect(v.seeds.length).toBeGreaterThan(1);
      for (const s of v.seeds) expect(s.effectiveCosine, `${v.id} seed ${s.seed}`).toHaveLength(10);
      expect(v.seeds[0].effectiveCosine).toEqual(v.effective?.cosine);
    }
    // Every seed of the experiment and of the 60k study variants carries the behaviour tests; the 500-image study variants none.
    for (const v of manifest.variants) {
      const wanted = v.role === 'experiment' || v.base === 'mlp-60k';
      for (const s of v.seeds) {
        expect(s.behaviour !== undefined, `${v.id} seed ${s.seed} behaviour`).toBe(wanted);
        if (!s.behaviour) continue;
        expect(s.behaviour.erase.map((e) => [e.region, e.digit])).toEqual([['bottom-left', 7], ['bottom-right', 9], ['top', 6]]);
        expect(s.behaviour.shift.rows.map((r) => r.offset)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
        // Unmoved, the test set gives the seed's own test accuracy.
        expect(s.behaviour.shift.columns[3].accuracy).toBeCloseTo(s.testAccuracy, 10);
        expect(s.behaviourSeconds).toBeGreaterThan(0);
      }
    }
    const translated = manifest.variants.find((v) => v.id === 'mlp-60k-translated');
    expect(translated?.config.maxShift).toBe(2);
    expect(translated?.base).toBe('mlp-60k');
    // Its hidden layers are drawn too, to set beside the original's.
    expect(translated?.layers.map((l) => l.nodes)).toEqual([512, 256, 10]);
    // Its effective measures are per seed; the figures' effective sheets stay the experiment's.
    expect(translated?.effective).toBeUndefined();
    for (const s of translated?.seeds ?? []) expect(s.effectiveCosine, `translated seed ${s.seed}`).toHaveLength(10);
    expect(manifest.variants.filter((v) => v.id !== 'mlp-60k-translated').every((v) => v.config.maxShift === undefined)).toBe(true);
    const composed = await readFile(join(outA(), mlp.layers[1].composed));
    expect(composed.byteLength).toBe(256 * 784 * 4);
  });

  it('frees every tensor it made, training in this thread', () => {
    expect(leaked).toBe(0);
  });

  it('is deterministic: the same seed gives byte-identical models, matrices and sheets, in parallel workers or not', async () => {
    // The first run trained two runs at a time in worker threads, the second one by one here.
    const files = (await filesIn(outA())).filter((f) => f !== 'manifest.json');
    expect(await filesIn(outB())).toEqual(await filesIn(outA()));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      expect((await readFile(join(outB(), f))).equals(await readFile(join(outA(), f))), f).toBe(true);
    }
    // The manifest differs only in timings; the behaviour measures are the same numbers.
    const second = parseManifest(JSON.parse(await readFile(join(outB(), 'manifest.json'), 'utf8')));
    const behaviours = (m: Manifest) => m.variants.flatMap((v) => v.seeds.map((s) => s.behaviour ?? null));
    expect(behaviours(second)).toEqual(behaviours(first));
    expect(behaviours(first).filter(Boolean).length).toBeGreaterThan(10);
  });

  it('reuses the previous output when nothing changed, and --force retrains', async () => {
    // What a run killed outright leaves behind must not survive a later run that finds the figures cached.
    const leftover = `${outA()}.staging-99999999`;
    await mkdir(leftover);
    const again = await runPipeline({ profile: TINY_PROFILE, outDir: outA(), backend: 'wasm', progress: silent });
    expect(again.cached).toBe(true);
    expect(existsSync(leftover)).toBe(false);
    expect(again.manifest.generatedAt).toBe(first.generatedAt);
    const changed = await runPipeline({
      profile: { ...TINY_PROFILE, training: { ...TINY_PROFILE.training, seed: 7 } },
      outDir: outA(),
      backend: 'wasm',
      progress: silent,
    });
    expect(changed.cached).toBe(false);
    expect(changed.manifest.fingerprint).not.toBe(first.fingerprint);
  }, 120_000);

  it('refuses to write a reduced configuration over the article figures', async () => {
    const before = existsSync(DEFAULT_OUT) ? await filesIn(DEFAULT_OUT) : null;
    await expect(runPipeline({ profile: QUICK_PROFILE, backend: 'wasm', progress: silent })).rejects.toThrow(/may not write to .*public\/generated/);
    expect(existsSync(DEFAULT_OUT) ? await filesIn(DEFAULT_OUT) : null).toEqual(before);
  });
});

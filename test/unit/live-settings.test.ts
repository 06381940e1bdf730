import { describe, expect, it } from 'vitest';
import { OPTIMIZER_NAMES, OPTIMIZERS } from '../../src/experiment/optimizers';
import { defaultSettings, LEARNING_RATES, readSettings, sanitise, writeSettings } from '../../src/live/settings';

describe('retraining widget settings', () => {
  it('round-trip through URL parameters under their own prefix', () => {
    const s = { ...defaultSettings('mlp', 10000), trainSize: 700, epochs: 3, batchSize: 32, optimizer: 'sgd' as const, learningRate: 0.1, fromBuild: true, display: 'signed' as const, view: 'layer2' as const, backend: 'webgpu' as const, seed: 3, maxShift: 2 };
    const params = new URLSearchParams('other=1');
    writeSettings(params, 'mlp', s);
    expect(params.get('mlp.epochs')).toBe('3');
    expect(params.get('mlp.opt')).toBe('sgd');
    expect(params.get('mlp.seed')).toBe('3');
    expect(params.get('mlp.backend')).toBe('webgpu');
    expect(params.get('mlp.shift')).toBe('2');
    expect(params.get('other')).toBe('1');
    expect(readSettings(params, 'mlp', defaultSettings('mlp', 10000), 10000)).toEqual(s);
    expect(readSettings(params, 'linear', defaultSettings('linear', 10000), 10000)).toEqual(defaultSettings('linear', 10000));
  });

  it("read the network from the old key 'variant' too, prefer the new 'net', and write only the new", () => {
    const base = defaultSettings('mlp', 10000);
    expect(readSettings(new URLSearchParams('w.variant=linear'), 'w', base, 10000).architecture).toBe('linear');
    expect(readSettings(new URLSearchParams('w.variant=linear&w.net=mlp'), 'w', base, 10000).architecture).toBe('mlp');
    const params = new URLSearchParams('w.variant=linear');
    writeSettings(params, 'w', { ...base, architecture: 'linear' });
    expect(params.get('w.net')).toBe('linear');
    expect(params.has('w.variant')).toBe(false);
  });

  it('force values from a hand-edited URL into range', () => {
    const params = new URLSearchParams('w.n=999999&w.epochs=-4&w.lr=0.0009&w.batch=100&w.net=cnn&w.view=layer9&w.backend=gpu&w.display=x&w.seed=0');
    const s = readSettings(params, 'w', defaultSettings('mlp', 10000), 10000);
    expect(s).toMatchObject({ trainSize: 10000, epochs: 1, learningRate: 0.001, batchSize: 128, architecture: 'mlp', view: 'output', backend: 'auto', display: 'minmax', seed: 1 });
    expect(readSettings(new URLSearchParams('w.seed=2.6'), 'w', defaultSettings('mlp', 10000), 10000).seed).toBe(3);
    // Moves of training digits: 0 to 3 whole pixels.
    const shift = (v: string) => readSettings(new URLSearchParams(`w.shift=${v}`), 'w', defaultSettings('mlp', 10000), 10000).maxShift;
    expect([shift('9'), shift('-1'), shift('1.4'), shift('x'), shift('2')]).toEqual([3, 0, 1, 0, 2]);
    expect(defaultSettings('linear', 10000).maxShift).toBe(0);
  });

  it("train with the experiment's optimizer unless told otherwise, and accept only the four", () => {
    expect(defaultSettings('mlp', 10000).optimizer).toBe('rmsprop-keras');
    expect(defaultSettings('linear', 10000).optimizer).toBe('rmsprop-keras');
    for (const name of ['rmsprop-keras', 'rmsprop-tfjs', 'adam', 'sgd']) {
      expect(readSettings(new URLSearchParams(`w.opt=${name}`), 'w', defaultSettings('mlp', 10000), 10000).optimizer).toBe(name);
    }
    expect(readSettings(new URLSearchParams('w.opt=adagrad'), 'w', defaultSettings('mlp', 10000), 10000).optimizer).toBe('rmsprop-keras');
    // Every optimizer's own learning rate is on the list the form offers.
    for (const name of OPTIMIZER_NAMES) expect(LEARNING_RATES).toContain(OPTIMIZERS[name].learningRate);
  });

  it("start from the figures' seed", () => {
    expect(defaultSettings('mlp', 10000).seed).toBe(1);
    expect(defaultSettings('linear', 10000).seed).toBe(1);
  });

  it('keep the training-set size at least 100', () => {
    expect(sanitise({ ...defaultSettings('linear', 5000), trainSize: 3 }, 5000).trainSize).toBe(100);
    expect(sanitise({ ...defaultSettings('linear', 5000), trainSize: Number.NaN }, 5000).trainSize).toBe(100);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImages } from '../../src/components/data/image-file';

const dir = mkdtempSync(join(tmpdir(), 'own-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readImages', () => {
  it('reads little-endian float32 images', () => {
    const values = Float32Array.from({ length: 2 * 784 }, (_, i) => (i % 7) - 3.5);
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => view.setFloat32(4 * i, v, true));
    const path = join(dir, 'two.f32');
    writeFileSync(path, bytes);
    expect(readImages(path, 2)).toEqual(values);
  });

  it('names the file when its length is not that many images', () => {
    const path = join(dir, 'short.f32');
    writeFileSync(path, new Uint8Array(784 * 4 - 4));
    expect(() => readImages(path, 1)).toThrow(/short\.f32: expected 1 images .* found 3132 bytes/);
  });
});

import { describe, expect, it } from 'vitest';
import { paintSheet, sheetGeometry, tileAt, tileOrigin } from '../../src/lib/sheet';

describe('sheet geometry', () => {
  it('lays out tiles in rows with gaps between them only', () => {
    const g = sheetGeometry(5, 2, 3, 1, 2);
    expect(g).toMatchObject({ columns: 2, rows: 3, width: 2 * 6 + 1, height: 3 * 6 + 2 });
    expect(tileOrigin(g, 0)).toEqual({ x: 0, y: 0 });
    expect(tileOrigin(g, 3)).toEqual({ x: 7, y: 7 });
    expect(tileOrigin(g, 4)).toEqual({ x: 0, y: 14 });
  });

  it('finds the tile under a point, and none in a gap or past the last tile', () => {
    const g = sheetGeometry(5, 2, 3, 1, 2); // tiles 6 px wide, 1 px gaps, step 7
    expect(tileAt(g, 0, 0)).toBe(0);
    expect(tileAt(g, 5.9, 5.9)).toBe(0);
    expect(tileAt(g, 6, 0)).toBeNull();
    expect(tileAt(g, 0, 6.5)).toBeNull();
    expect(tileAt(g, 7, 7)).toBe(3);
    expect(tileAt(g, 12, 20)).toBeNull();
    expect(tileAt(g, 0, 14)).toBe(4);
    expect(tileAt(g, -1, 0)).toBeNull();
    expect(tileAt(g, 13, 0)).toBeNull();
    for (let t = 0; t < g.tiles; t++) expect(tileAt(g, tileOrigin(g, t).x, tileOrigin(g, t).y)).toBe(t);
  });

  it('uses fewer columns when there are fewer tiles', () => {
    expect(sheetGeometry(3, 10, 1, 1, 2).columns).toBe(3);
  });

  it('rejects nonsense', () => {
    expect(() => sheetGeometry(0, 2, 1, 1)).toThrow(/bad sheet geometry/);
  });

  it('upscales without smoothing and leaves gaps transparent', () => {
    const g = sheetGeometry(2, 2, 2, 1, 1); // two 1x1 tiles, each drawn 2x2
    const rgba = paintSheet(g, new Uint8ClampedArray([10, 20, 30, 40, 50, 60]));
    expect(g.width).toBe(5);
    const px = (x: number, y: number) => Array.from(rgba.subarray((y * g.width + x) * 4, (y * g.width + x) * 4 + 4));
    expect(px(0, 0)).toEqual([10, 20, 30, 255]);
    expect(px(1, 1)).toEqual([10, 20, 30, 255]);
    expect(px(2, 0)).toEqual([0, 0, 0, 0]);
    expect(px(3, 1)).toEqual([40, 50, 60, 255]);
    expect(px(4, 0)).toEqual([40, 50, 60, 255]);
  });

  it('checks the colour buffer length', () => {
    expect(() => paintSheet(sheetGeometry(2, 2, 1, 0, 1), new Uint8ClampedArray(3))).toThrow(/expected 6 colour bytes/);
  });
});

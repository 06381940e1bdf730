import { describe, expect, it } from 'vitest';
import { packBrowserDigits, splitBrowserDigits } from '../../src/lib/browser-digits';

describe("the widgets' digit layout", () => {
  it('packs pixels then labels, and splits them back as views of the same bytes', () => {
    const set = { count: 2, images: Uint8Array.from({ length: 3 * 784 }, (_, i) => i % 251), labels: Uint8Array.from([7, 3, 9]) };
    const raw = packBrowserDigits(set);
    expect(raw.length).toBe(2 * 785);
    expect(Array.from(raw.subarray(2 * 784))).toEqual([7, 3]);
    const back = splitBrowserDigits(raw, 2);
    expect(back.count).toBe(2);
    expect(Array.from(back.images)).toEqual(Array.from(set.images.subarray(0, 2 * 784)));
    expect(Array.from(back.labels)).toEqual([7, 3]);
    expect(back.images.buffer).toBe(raw.buffer);
  });
});

import sharp from 'sharp';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes an RGBA pixel buffer as a PNG. With `palette`, colours are reduced to 256 without
 * dithering (a channel moves by a few levels at most) for a file about three times smaller.
 */
export async function writePng(path: string, rgba: Uint8ClampedArray, width: number, height: number, palette = false): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const image = sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width, height, channels: 4 } });
  const options = palette
    ? { palette: true, colours: 256, dither: 0, effort: 10, compressionLevel: 9 }
    : { compressionLevel: 9, adaptiveFiltering: true };
  await image.png(options).toFile(path);
}

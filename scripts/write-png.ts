import sharp from 'sharp';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes an RGBA pixel buffer as a PNG with the highest lossless compression. */
export async function writePng(path: string, rgba: Uint8ClampedArray, width: number, height: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width, height, channels: 4 } })
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toFile(path);
}

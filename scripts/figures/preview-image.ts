import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import type { VariantEntry } from '../../src/lib/manifest';
import { PREVIEW_IMAGE } from '../../src/lib/preview-image';

/** The two networks whose output images the preview sets side by side, as in the article. */
const PANELS = ['mlp-500', 'mlp-60k'] as const;
const BACKGROUND = '#111111';
const MARGIN = 48;
const TITLE_SIZE = 46;
const LABEL_SIZE = 26;
const NOTE = 'The ten output nodes of the same network, traced back to the pixels';

/** The article's title, from the front matter of `content/article.mdx`. */
export function articleTitle(root: string): string {
  const file = resolve(root, 'content/article.mdx');
  const match = /^---\n[\s\S]*?^title:\s*(.+)$/m.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no title in the front matter`);
  return match[1].trim().replace(/^(['"])(.*)\1$/, '$2');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Splits `text` into at most two lines of about `max` characters, at spaces. */
function twoLines(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const cut = text.lastIndexOf(' ', max);
  return cut > 0 ? [text.slice(0, cut), text.slice(cut + 1)] : [text];
}

/**
 * Writes the link-preview image, `PREVIEW_IMAGE.width` x `PREVIEW_IMAGE.height` PNG at
 * `PREVIEW_IMAGE.path` under `outDir`: the article's title above the min-max output images of
 * the network trained on few images and the one trained on all of them, each labelled with its
 * training-set size. Reads the sheets the pipeline has already written to `outDir`.
 */
export async function writePreviewImage(outDir: string, variants: VariantEntry[], title: string): Promise<string> {
  const { width, height, path } = PREVIEW_IMAGE;
  const titleLines = twoLines(title, 38);
  const panelTop = MARGIN + titleLines.length * TITLE_SIZE * 1.25 + 24;
  const panelWidth = (width - 3 * MARGIN) / 2;
  const panelHeight = height - panelTop - MARGIN - LABEL_SIZE * 3.2;
  const layers: OverlayOptions[] = [];
  const labels: string[] = [];
  for (const [i, id] of PANELS.entries()) {
    const variant = variants.find((v) => v.id === id);
    if (!variant) throw new Error(`preview image: variant ${id} is missing from the pipeline's results`);
    const layer = variant.layers.at(-1);
    const sheet = layer?.sheets.find((s) => s.display === 'minmax');
    if (!sheet) throw new Error(`preview image: ${id} has no min-max output sheet`);
    const scale = Math.min(panelWidth / sheet.width, panelHeight / sheet.height);
    const w = Math.round(sheet.width * scale);
    const h = Math.round(sheet.height * scale);
    const left = Math.round(MARGIN + i * (panelWidth + MARGIN) + (panelWidth - w) / 2);
    const top = Math.round(panelTop + LABEL_SIZE * 1.6 + (panelHeight - h) / 2);
    layers.push({ input: await sharp(join(outDir, sheet.path)).resize(w, h, { kernel: 'lanczos3' }).toBuffer(), left, top });
    const label = `Trained on ${variant.trainCount.toLocaleString('en-US')} images`;
    labels.push(`<text x="${left}" y="${top - LABEL_SIZE * 0.5}" font-size="${LABEL_SIZE}" fill="#d8d8d8">${escapeXml(label)}</text>`);
  }
  const titleSvg = titleLines
    .map((line, i) => `<text x="${MARGIN}" y="${MARGIN + TITLE_SIZE + i * TITLE_SIZE * 1.25}" font-size="${TITLE_SIZE}" font-weight="bold" fill="#ffffff">${escapeXml(line)}</text>`)
    .join('');
  const note = `<text x="${MARGIN}" y="${height - MARGIN}" font-size="${LABEL_SIZE * 0.85}" fill="#9a9a9a">${escapeXml(NOTE)}</text>`;
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">${titleSvg}${labels.join('')}${note}</svg>`;
  layers.push({ input: Buffer.from(text), left: 0, top: 0 });
  const file = join(outDir, path);
  await mkdir(dirname(file), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: BACKGROUND } })
    .composite(layers)
    .png({ compressionLevel: 9, palette: true, colours: 256, dither: 0 })
    .toFile(file);
  return path;
}

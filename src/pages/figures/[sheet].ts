import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { getVariant } from '../../components/data/manifest';
import { effectiveVariants, ownScaleName, ownScaleSheet } from '../../components/data/own-scale-sheet';

/**
 * Sheets the site draws itself at build time from the pipeline's float32 files: each `mlp`
 * variant's mean effective templates on their own signed scale (`figures/<id>-effective-own-scale.png`).
 */
export const getStaticPaths = (() =>
  effectiveVariants().map((v) => ({ params: { sheet: ownScaleName(v.id) }, props: { variant: v.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { rendered } = ownScaleSheet(getVariant(String(props.variant)));
  const { rgba, geometry: g } = rendered;
  const png = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width: g.width, height: g.height, channels: 4 } })
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

import type { SheetEntry, TopDigitsEntry, VariantEntry } from '../../lib/manifest';
import type { SheetGeometry } from '../../lib/sheet';
import { generatedUrl } from './manifest';

/** What the tile viewer needs to show a layer's nodes' strongest digits. */
export interface TopDigitsView {
  entry: TopDigitsEntry;
  /** URLs of the index file and the sprite. */
  src: string;
  spriteSrc: string;
  /** Rows of the index file before this layer's first node. */
  offset: number;
}

/** The top-digit data of a hidden layer of a variant, or undefined when the manifest has none for it. */
export function topDigitsView(variant: VariantEntry, layerIndex: number): TopDigitsView | undefined {
  const entry = variant.topDigits;
  const at = entry?.layers.findIndex((l) => l.index === layerIndex) ?? -1;
  if (!entry || at < 0) return undefined;
  return {
    entry,
    src: generatedUrl(entry.path),
    spriteSrc: generatedUrl(entry.sprite.path),
    offset: entry.layers.slice(0, at).reduce((n, l) => n + l.nodes, 0),
  };
}

/** The geometry of a sheet entry, for `tileOrigin` in the browser. */
export function spriteGeometry(s: SheetEntry): SheetGeometry {
  return { tiles: s.tiles, columns: s.columns, rows: s.rows, tileSize: s.tileSize, scale: s.scale, gap: s.gap, width: s.width, height: s.height };
}

import type { PixelRect } from '../../geometry/rect';
import type { SheetEntry } from '../../lib/manifest';
import { tileOrigin } from '../../lib/sheet';

/** A rectangle as percentages of the sheet image, for HTML laid over it. */
export interface PercentBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where tile `index` sits in its sheet, in percent of the sheet's width and height. */
export function tileBox(sheet: SheetEntry, index: number): PercentBox {
  const { x, y } = tileOrigin(sheet, index);
  const side = sheet.tileSize * sheet.scale;
  return {
    left: (x / sheet.width) * 100,
    top: (y / sheet.height) * 100,
    width: (side / sheet.width) * 100,
    height: (side / sheet.height) * 100,
  };
}

/** A rectangle of the 28x28 canvas (rows [top, bottom), columns [left, right)) inside tile `index`. */
export function canvasBox(
  sheet: SheetEntry,
  index: number,
  rect: PixelRect,
): PercentBox {
  const { x, y } = tileOrigin(sheet, index);
  const s = sheet.scale;
  return {
    left: ((x + rect.left * s) / sheet.width) * 100,
    top: ((y + rect.top * s) / sheet.height) * 100,
    width: (((rect.right - rect.left) * s) / sheet.width) * 100,
    height: (((rect.bottom - rect.top) * s) / sheet.height) * 100,
  };
}

/** The box as inline CSS for an absolutely positioned element. */
export function boxStyle(b: PercentBox): string {
  const f = (n: number) => `${n.toFixed(4)}%`;
  return `left:${f(b.left)};top:${f(b.top)};width:${f(b.width)};height:${f(b.height)}`;
}

/**
 * The scale of a line chart: a plot area inside an SVG of `width` x `height` user units, with
 * margins, and the data ranges it maps. Shared by the build's static charts and the retraining
 * widget's live ones.
 */

/** Plot area and data ranges of a chart, in SVG user units. */
export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** SVG x of a data x. */
export function xAt(f: ChartFrame, x: number): number {
  return f.left + ((x - f.xMin) / (f.xMax - f.xMin)) * (f.width - f.left - f.right);
}

/** SVG y of a data y (up is larger). */
export function yAt(f: ChartFrame, y: number): number {
  return f.top + ((f.yMax - y) / (f.yMax - f.yMin)) * (f.height - f.top - f.bottom);
}

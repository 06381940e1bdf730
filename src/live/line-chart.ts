import { type ChartFrame, xAt, yAt } from '../lib/chart-scale';

const SVG = 'http://www.w3.org/2000/svg';

export interface Series {
  label: string;
  /** CSS class giving the line its colour and dash pattern. */
  className: string;
  points: [number, number][];
  /** Mark each point with a dot (for sparse series such as one value per epoch). */
  dots?: boolean;
}

/**
 * Redraws a small line chart into `svg` (viewBox 0 0 300 150): axes from 0 to the largest x,
 * y from `yMin` to `yMax` (or the data's maximum), one polyline per series and a text legend.
 */
export function drawLineChart(
  svg: SVGSVGElement,
  series: Series[],
  options: { yMin?: number; yMax?: number; xLabel: string; yLabel: string; legendAt?: 'top' | 'bottom' },
): void {
  const width = 300;
  const height = 150;
  const pad = { left: 34, right: 8, top: 8, bottom: 26 };
  const all = series.flatMap((s) => s.points);
  const xMax = Math.max(1e-9, ...all.map((p) => p[0]));
  const yMin = options.yMin ?? 0;
  const yMax = options.yMax ?? Math.max(yMin + 1e-9, ...all.map((p) => p[1]));
  const frame: ChartFrame = { width, height, ...pad, xMin: 0, xMax, yMin, yMax };
  const x = (v: number) => xAt(frame, v);
  const y = (v: number) => yAt(frame, v);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.replaceChildren();
  const add = (name: string, attrs: Record<string, string>, text?: string) => {
    const el = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (text !== undefined) el.textContent = text;
    svg.append(el);
    return el;
  };
  add('path', { class: 'axis', d: `M${pad.left},${pad.top}V${height - pad.bottom}H${width - pad.right}` });
  add('text', { class: 'tick', x: String(pad.left - 4), y: String(y(yMax) + 4), 'text-anchor': 'end' }, fmt(yMax));
  add('text', { class: 'tick', x: String(pad.left - 4), y: String(y(yMin)), 'text-anchor': 'end' }, fmt(yMin));
  add('text', { class: 'tick', x: String(width - pad.right), y: String(height - 12), 'text-anchor': 'end' }, `${options.xLabel} ${fmt(xMax)}`);
  add('text', { class: 'tick', x: String(pad.left), y: String(height - 12) }, options.yLabel);
  series.forEach((s, i) => {
    if (s.points.length > 0) {
      const clampY = (v: number) => y(Math.min(yMax, Math.max(yMin, v)));
      add('polyline', { class: `line ${s.className}`, points: s.points.map(([a, b]) => `${x(a).toFixed(1)},${clampY(b).toFixed(1)}`).join(' ') });
      if (s.dots) for (const [a, b] of s.points) add('circle', { class: s.className, cx: x(a).toFixed(1), cy: clampY(b).toFixed(1), r: '2.5' });
    }
    const legendY = options.legendAt === 'bottom' ? height - pad.bottom - 6 - 12 * (series.length - 1 - i) : pad.top + 10 + 12 * i;
    add('text', { class: `legend ${s.className}`, x: String(width - pad.right), y: String(legendY), 'text-anchor': 'end' }, s.label);
  });
}

function fmt(v: number): string {
  return Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(2);
}

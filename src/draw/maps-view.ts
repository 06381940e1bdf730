import type { DenseLayer } from '../lib/dense-net';
import { contributionMaps, effectiveMap, type EffectiveMap } from '../lib/effective-map';
import { STROKE_TO_MAPS } from '../widgets/contract';
import { contributionScale, mapSums, paintSigned, pictureScale } from './render';

/** What the ten maps show: x ⊙ J_c(x), each pixel's share of the score, or J_c(x) itself. */
export type MapView = 'contributions' | 'pictures';


const LABELS: Record<MapView, (digit: number) => string> = {
  contributions: (d) => `Contribution of each pixel to the score of ${d}`,
  pictures: (d) => `The picture the score of ${d} uses for this drawing: each pixel's weight`,
};

/**
 * The widget's figure of ten per-digit maps (`.draw-maps`): canvases, score labels, the toggle
 * between contributions and pictures, and the texts marked `data-view` for each of the two.
 */
export class MapsView {
  private view: MapView = 'contributions';
  private shown: { input: Float32Array; map: EffectiveMap } | null = null;
  private readonly canvases: HTMLCanvasElement[];
  private readonly scores: HTMLElement[];

  constructor(private readonly figure: HTMLElement) {
    this.canvases = [...figure.querySelectorAll<HTMLCanvasElement>('.draw-map canvas')];
    this.scores = [...figure.querySelectorAll<HTMLElement>('.draw-map-sum')];
    const toggle = figure.querySelector<HTMLInputElement>('.draw-show-pictures');
    toggle?.addEventListener('change', () => this.setView(toggle.checked ? 'pictures' : 'contributions'));
    this.setView(toggle?.checked ? 'pictures' : 'contributions');
  }

  set hidden(hidden: boolean) {
    this.figure.hidden = hidden;
  }

  /** Computes the model's exact linear map around `input` [784] and paints it. */
  show(layers: readonly DenseLayer[], input: Float32Array): void {
    this.shown = { input, map: effectiveMap(layers, input) };
    this.paint();
  }

  /** Records the time from a stroke's end (`performance.now()` clock) to the next frame, which shows the maps. */
  measureFrom(strokeEnd: number): void {
    requestAnimationFrame(() => {
      // Only the latest stroke's entry is kept, so a long drawing session does not pile them up.
      performance.clearMeasures(STROKE_TO_MAPS);
      performance.measure(STROKE_TO_MAPS, { start: strokeEnd, end: performance.now() });
    });
  }

  private setView(view: MapView): void {
    this.view = view;
    this.figure.dataset.view = view;
    for (const el of this.figure.querySelectorAll<HTMLElement>('[data-view]')) el.hidden = el.dataset.view !== view;
    this.canvases.forEach((canvas, d) => canvas.setAttribute('aria-label', LABELS[view](d)));
    this.paint();
  }

  private paint(): void {
    if (!this.shown) return;
    const { input, map } = this.shown;
    const shares = contributionMaps(input, map.jacobian);
    if (this.view === 'contributions') paintSigned(this.canvases, shares, contributionScale(shares));
    else paintSigned(this.canvases, map.jacobian, pictureScale(map.jacobian));
    const sums = mapSums(shares);
    this.scores.forEach((el, c) => {
      const score = sums[c] + map.bias[c];
      el.dataset.score = String(score);
      el.textContent = `${score >= 0 ? '+' : '\u2212'}${Math.abs(score).toFixed(1)}`;
    });
  }
}

import { SIDE } from '../lib/mnist-constants';
import type { GrayImage } from '../lib/preprocess';

/**
 * Stroke width as a share of the pad's side. A digit drawn over about two thirds of the pad then
 * has strokes about a tenth of its height, like MNIST's 2-3 pixels in a 20-pixel box.
 */
export const STROKE_FRACTION = 1 / 14;

/** Largest backing-store side, so high-density screens do not make preprocessing slow. */
const MAX_BACKING = 640;

/**
 * A square canvas that records freehand strokes from mouse, pen and touch (Pointer Events).
 * Ink is kept in the canvas's alpha channel, so the stroke colour can follow the page's theme.
 */
export class DrawPad {
  private readonly ctx: CanvasRenderingContext2D;
  private active: number | null = null;
  private last: { x: number; y: number } | null = null;
  private inked = false;

  /**
   * `onInk` runs while a stroke is being drawn (`done` false) and when it ends (`done` true);
   * `at` is the pointer event's time on the `performance.now()` clock.
   */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onInk: (done: boolean, at: number) => void,
  ) {
    const side = Math.min(MAX_BACKING, Math.round(canvas.clientWidth * (window.devicePixelRatio || 1))) || 280;
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('canvas 2d context unavailable');
    this.ctx = ctx;
    canvas.addEventListener('pointerdown', (e) => this.down(e));
    canvas.addEventListener('pointermove', (e) => this.move(e));
    canvas.addEventListener('pointerup', (e) => this.up(e));
    canvas.addEventListener('pointercancel', (e) => this.up(e));
  }

  get isEmpty(): boolean {
    return !this.inked;
  }

  clear(): void {
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.inked = false;
  }

  /** Replaces the drawing with a 28x28 image of ink [784] in [0, 1], enlarged to fill the pad. */
  paint(ink: Float32Array): void {
    const small = document.createElement('canvas');
    small.width = SIDE;
    small.height = SIDE;
    const sctx = small.getContext('2d');
    if (!sctx) return;
    const img = sctx.createImageData(SIDE, SIDE);
    const rgb = (getComputedStyle(this.canvas).color.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).map(Number);
    for (let p = 0; p < ink.length; p++) {
      img.data.set([rgb[0], rgb[1], rgb[2], Math.round(ink[p] * 255)], 4 * p);
    }
    sctx.putImageData(img, 0, 0);
    this.clear();
    this.ctx.imageSmoothingEnabled = true;
    this.ctx.imageSmoothingQuality = 'high';
    this.ctx.drawImage(small, 0, 0, this.canvas.width, this.canvas.height);
    this.inked = ink.some((v) => v > 0);
  }

  /** The drawing as ink intensity in [0, 1], one value per backing-store pixel. */
  ink(): GrayImage {
    const { width, height } = this.canvas;
    const rgba = this.ctx.getImageData(0, 0, width, height).data;
    const data = new Float32Array(width * height);
    for (let i = 0; i < data.length; i++) data[i] = rgba[4 * i + 3] / 255;
    return { width, height, data };
  }

  /** Pointer position in backing-store pixels; the CSS size may differ from the backing size. */
  private point(e: PointerEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * this.canvas.width, y: ((e.clientY - r.top) / r.height) * this.canvas.height };
  }

  private down(e: PointerEvent): void {
    if (this.active !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    this.canvas.setPointerCapture(e.pointerId);
    this.active = e.pointerId;
    this.last = this.point(e);
    this.ctx.strokeStyle = getComputedStyle(this.canvas).color;
    this.segment(this.last, this.last);
    this.onInk(false, e.timeStamp);
  }

  private move(e: PointerEvent): void {
    if (e.pointerId !== this.active || !this.last) return;
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    for (const ev of events.length ? events : [e]) {
      const p = this.point(ev);
      this.segment(this.last, p);
      this.last = p;
    }
    this.onInk(false, e.timeStamp);
  }

  private up(e: PointerEvent): void {
    if (e.pointerId !== this.active) return;
    this.active = null;
    this.last = null;
    this.onInk(true, e.timeStamp);
  }

  private segment(from: { x: number; y: number }, to: { x: number; y: number }): void {
    const ctx = this.ctx;
    ctx.lineWidth = this.canvas.width * STROKE_FRACTION;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    this.inked = true;
  }
}

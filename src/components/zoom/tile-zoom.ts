import { type SheetGeometry, tileAt, tileOrigin } from '../../lib/sheet';
import { TopDigitsPanel } from './top-digits-panel';

/** Opens single tiles of a sheet large, in a dialog: click a tile, or use the button and arrows. */
export class TileZoom extends HTMLElement {
  private index = 0;
  private top: TopDigitsPanel | null = null;

  connectedCallback(): void {
    const dialog = this.querySelector('dialog');
    const img = this.querySelector<HTMLImageElement>('.zoom-target img');
    if (!dialog || !img) return;
    this.classList.add('ready');
    const topList = this.querySelector<HTMLOListElement>('.zoom-top-list');
    const topStatus = this.querySelector<HTMLElement>('.zoom-top-status');
    if (topList && topStatus) this.top = new TopDigitsPanel(this.dataset, topList, topStatus);
    img.addEventListener('click', (event) => {
      const tile = this.tileAt(img, event);
      if (tile !== null) this.open(dialog, tile);
    });
    this.querySelector('.zoom-open')?.addEventListener('click', () => this.open(dialog, this.index));
    this.querySelector('.zoom-close')?.addEventListener('click', () => dialog.close());
    this.querySelector('.zoom-prev')?.addEventListener('click', () => this.show(this.index - 1));
    this.querySelector('.zoom-next')?.addEventListener('click', () => this.show(this.index + 1));
    const input = this.querySelector<HTMLInputElement>('.zoom-index');
    input?.addEventListener('change', () => {
      const n = Number.parseInt(input.value, 10);
      if (Number.isFinite(n)) this.show(n - this.num('first'));
    });
    dialog.addEventListener('keydown', (event) => {
      if (event.target instanceof HTMLInputElement) return;
      const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -this.num('columns'), ArrowDown: this.num('columns') }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      this.show(this.index + step);
    });
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
  }

  private num(name: string): number {
    return Number(this.dataset[name]);
  }

  private geometry(): SheetGeometry {
    return {
      tiles: this.num('tiles'),
      columns: this.num('columns'),
      rows: this.num('rows'),
      tileSize: this.num('tileSize'),
      scale: this.num('scale'),
      gap: this.num('gap'),
      width: this.num('width'),
      height: this.num('height'),
    };
  }

  /** The tile under a click on the displayed image, or null in a gap. */
  private tileAt(img: HTMLImageElement, event: MouseEvent): number | null {
    const g = this.geometry();
    const rect = img.getBoundingClientRect();
    return tileAt(g, ((event.clientX - rect.left) / rect.width) * g.width, ((event.clientY - rect.top) / rect.height) * g.height);
  }

  private open(dialog: HTMLDialogElement, tile: number): void {
    this.show(tile);
    if (!dialog.open) dialog.showModal();
  }

  private show(tile: number): void {
    const g = this.geometry();
    this.index = Math.min(Math.max(tile, 0), g.tiles - 1);
    const view = this.querySelector<HTMLElement>('.zoom-view');
    const name = this.querySelector('.zoom-name');
    const input = this.querySelector<HTMLInputElement>('.zoom-index');
    if (!view || !name || !input) return;
    const label = `${this.dataset.noun ?? 'tile'} ${this.index + this.num('first')}`;
    const side = g.tileSize * g.scale;
    const { x, y } = tileOrigin(g, this.index);
    // Percent positions keep the crop right at any size of the view.
    view.style.backgroundImage = `url("${this.dataset.src ?? ''}")`;
    view.style.backgroundSize = `${(g.width / side) * 100}% ${(g.height / side) * 100}%`;
    view.style.backgroundPosition = `${g.width === side ? 0 : (x / (g.width - side)) * 100}% ${g.height === side ? 0 : (y / (g.height - side)) * 100}%`;
    view.setAttribute('aria-label', `${label}, enlarged`);
    name.textContent = `${label[0].toUpperCase()}${label.slice(1)}`;
    input.value = String(this.index + this.num('first'));
    void this.top?.show(this.index, label);
  }
}

customElements.define('tile-zoom', TileZoom);

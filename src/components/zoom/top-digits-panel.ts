import { SIDE } from '../../lib/mnist-constants';
import { type SheetGeometry, tileOrigin } from '../../lib/sheet';
import { topDigitsOf } from '../../lib/top-digit-file';

/**
 * The tile viewer's list of a node's strongest training digits. Downloads the index file and the
 * digit sprite the first time a node is shown, then draws each digit as its own image, alt text
 * its label, focusable so keyboard users can step through them.
 */
export class TopDigitsPanel {
  private data: Promise<{ bytes: Uint8Array; sprite: HTMLImageElement }> | null = null;
  private shown = -1;

  constructor(
    private readonly dataset: DOMStringMap,
    private readonly list: HTMLOListElement,
    private readonly status: HTMLElement,
  ) {}

  /** Shows the digits of node `index` of this sheet (0-based); `label` names it, e.g. "node 3". Never rejects. */
  async show(index: number, label: string): Promise<void> {
    this.shown = index;
    try {
      await this.draw(index, label);
    } catch (error) {
      this.data = null;
      this.list.replaceChildren();
      this.status.textContent = `The digits could not be shown (${error instanceof Error ? error.message : String(error)}).`;
    }
  }

  private async draw(index: number, label: string): Promise<void> {
    if (!this.data) {
      this.status.textContent = 'Loading the digits…';
      this.data = this.load();
    }
    const data = await this.data;
    if (this.shown !== index) return; // the reader moved on while the files loaded
    const n = (name: string) => Number(this.dataset[name]);
    const g = JSON.parse(this.dataset.topSpriteGeometry ?? '{}') as SheetGeometry;
    const digits = topDigitsOf(data.bytes, n('topRows'), n('topK'), g.tiles, n('topOffset') + index, this.dataset.topSrc ?? 'top digits');
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = SIDE;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    const side = g.tileSize * g.scale;
    const items = digits.map((d, rank) => {
      const { x, y } = tileOrigin(g, d.tile);
      ctx.clearRect(0, 0, SIDE, SIDE);
      ctx.drawImage(data.sprite, x, y, side, side, 0, 0, SIDE, SIDE);
      const img = document.createElement('img');
      img.src = canvas.toDataURL();
      img.width = img.height = SIDE;
      img.alt = String(d.label);
      img.title = `Number ${rank + 1} for ${label}: a ${d.label}`;
      img.tabIndex = 0;
      const li = document.createElement('li');
      const caption = document.createElement('span');
      caption.textContent = String(d.label);
      caption.setAttribute('aria-hidden', 'true');
      li.append(img, caption);
      return li;
    });
    this.list.replaceChildren(...items);
    this.status.textContent = digits.length === 0 ? `No training digit activates ${label} at all.` : digits.length < n('topK') ? `Only ${digits.length} training digits activate ${label} at all.` : '';
  }

  private async load(): Promise<{ bytes: Uint8Array; sprite: HTMLImageElement }> {
    const src = this.dataset.topSrc ?? '';
    const response = await fetch(src);
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
    const sprite = new Image();
    sprite.src = this.dataset.topSprite ?? '';
    const [bytes] = await Promise.all([response.arrayBuffer(), sprite.decode()]);
    return { bytes: new Uint8Array(bytes), sprite };
  }
}

import { watchScaling } from '../paint/pixel-scaling';
import type { RetrainController } from './retrain-controller';
import type { RetrainWidgetConfig } from './widget-config';

/**
 * `<retrain-widget>`: the page shows the build's static figure and disabled controls until this
 * element loads its controller, when it scrolls near the viewport or is first touched. The
 * training worker, and TensorFlow.js with it, loads only when the reader presses Train.
 */
class RetrainElement extends HTMLElement {
  #controller: Promise<RetrainController> | null = null;
  #observer: IntersectionObserver | null = null;
  readonly #onPageHide = () => this.#dispose();

  connectedCallback(): void {
    watchScaling(this.querySelectorAll('[data-role=static], [data-role=live]'));
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#load();
    }, { rootMargin: '200px' });
    this.#observer.observe(this);
    this.addEventListener('pointerenter', () => this.#load(), { once: true });
    this.addEventListener('focusin', () => this.#load(), { once: true });
    window.addEventListener('pagehide', this.#onPageHide);
  }

  disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.#onPageHide);
    this.#dispose();
  }

  /** Live tensors in this widget's training worker. */
  async memory(): Promise<number> {
    return (await this.#load()).memory();
  }

  /** The last behaviour tests of the reader's network in this widget (null before any). */
  async lastRun(): Promise<ReturnType<RetrainController['lastRun']>> {
    return (await this.#load()).lastRun();
  }

  #load(): Promise<RetrainController> {
    this.#observer?.disconnect();
    this.#controller ??= import('./retrain-controller').then(({ RetrainController }) => {
      const config = JSON.parse(this.dataset.config ?? '{}') as RetrainWidgetConfig;
      return new RetrainController(this, config);
    });
    return this.#controller;
  }

  #dispose(): void {
    this.#observer?.disconnect();
    void this.#controller?.then((c) => c.dispose());
  }
}

if (!customElements.get('retrain-widget')) customElements.define('retrain-widget', RetrainElement);

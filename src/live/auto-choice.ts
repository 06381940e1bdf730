import type { AutoChoice } from './protocol';
import { BACKEND_LABELS } from './settings';

let chosen: AutoChoice | null = null;

/**
 * The backend "Automatic" chose on this page, shared by its retraining widgets: measured on the
 * first Train press, kept until the page closes. Null before that.
 */
export function pageAutoChoice(): AutoChoice | null {
  return chosen;
}

export function keepAutoChoice(choice: AutoChoice): void {
  chosen ??= choice;
}

const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')} images a second`;

/**
 * What the widget says about the choice, e.g. `Automatic: WebAssembly, 4,100 images a second
 * (WebGPU: 90), timed in 0.8 s.`, or that there was only one candidate.
 */
export function autoChoiceText(c: AutoChoice): string {
  const label = BACKEND_LABELS[c.backend];
  if (c.rates.length < 2) return `Automatic: ${label}, the only backend to choose from in this browser.`;
  const own = c.rates.find((r) => r.backend === c.backend);
  // 0: the backend had not finished its warm-up batch when its time was up.
  const others = c.rates
    .filter((r) => r !== own)
    .map((r) => `${BACKEND_LABELS[r.backend]}: ${r.samplesPerSecond > 0 ? Math.round(r.samplesPerSecond).toLocaleString('en-US') : 'not warmed up in time'}`);
  return `Automatic: ${label}, ${own ? rate(own.samplesPerSecond) : 'the fastest'} (${others.join(', ')}), timed in ${(c.ms / 1000).toFixed(1)} s.`;
}

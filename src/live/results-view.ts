import { PIXELS } from '../lib/mnist-constants';
import { paintGray } from '../paint/canvas';

/** Fills a table with a confusion matrix: rows are true digits, columns the model's guesses. */
export function renderConfusion(table: HTMLTableElement, confusion: number[][], perClass: number[]): void {
  const head = `<thead><tr><th scope="col">true \\ guess</th>${range(confusion.length).map((d) => `<th scope="col">${d}</th>`).join('')}<th scope="col">right</th></tr></thead>`;
  const max = Math.max(1, ...confusion.flatMap((row, r) => row.filter((_, c) => c !== r)));
  const rows = confusion
    .map((row, r) => {
      const cells = row
        .map((n, c) => {
          const strength = c === r ? 0 : n / max;
          const cls = c === r ? 'hit' : n > 0 ? 'miss' : '';
          return `<td class="${cls}" data-strength="${strength.toFixed(3)}">${n}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${r}</th>${cells}<td>${(perClass[r] * 100).toFixed(1)}%</td></tr>`;
    })
    .join('');
  table.innerHTML = `${head}<tbody>${rows}</tbody>`;
  // Through the CSSOM, not a style attribute in the markup, which the page's CSP refuses.
  for (const td of table.querySelectorAll<HTMLElement>('td[data-strength]')) td.style.setProperty('--strength', td.dataset.strength ?? '0');
}

/**
 * Labels a strip of test digits with the model's guesses. Right and wrong are marked by a
 * symbol and by text for screen readers, not by colour alone.
 */
export function renderGuesses(items: HTMLElement[], labels: number[], guesses: number[]): void {
  items.forEach((item, i) => {
    const guess = guesses[i];
    const right = guess === labels[i];
    item.classList.toggle('right', right);
    item.classList.toggle('wrong', !right);
    const out = item.querySelector('output');
    if (out) {
      out.textContent = `${right ? '✓' : '✗'} ${guess}`;
      out.setAttribute('aria-label', `digit ${labels[i]}, guessed ${guess}: ${right ? 'right' : 'wrong'}`);
    }
  });
}

/**
 * Paints the strip's test digits (`indices` into `images`, uint8 [count, 784]) into the
 * canvases of `items`; returns their labels, in strip order.
 */
export function paintStrip(items: HTMLElement[], images: Uint8Array, labels: Uint8Array, indices: number[]): number[] {
  items.forEach((item, k) => {
    const i = indices[k];
    const canvas = item.querySelector('canvas');
    if (canvas) paintGray(canvas, images.subarray(i * PIXELS, (i + 1) * PIXELS));
  });
  return indices.map((i) => labels[i]);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * Keeps each image or canvas in `elements` crisp when it is shown larger than its pixels and
 * smoothed when shown smaller: it toggles the class `downscaled`, which the page's CSS maps to
 * the browser's smoothing. Shown larger, pixelated scaling keeps each weight a square; shown
 * smaller (big sheets on a phone), nearest-neighbour would drop whole rows and columns of pixels.
 */
export function watchScaling(elements: Iterable<Element>): void {
  const observer = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const natural = target instanceof HTMLCanvasElement ? target.width : Number(target.getAttribute('width'));
      target.classList.toggle('downscaled', target.clientWidth > 0 && target.clientWidth < natural);
    }
  });
  for (const el of elements) observer.observe(el);
}

/**
 * Functions that run inside the page, handed to any engine's driver (playwright's `evaluate`, or
 * the Firefox and WebKit drivers' `run`): each must use only what the page has.
 */

/** Makes every lazy image load now and waits until each has loaded or failed; says which broke. */
export function loadImagesInPage(): Promise<{ broken: string[]; count: number }> {
  const images = [...document.images];
  for (const img of images) img.loading = 'eager';
  return Promise.all(
    images.map((img) =>
      img.complete
        ? Promise.resolve()
        : new Promise<void>((done) => {
            img.addEventListener('load', () => done(), { once: true });
            img.addEventListener('error', () => done(), { once: true });
          }),
    ),
  ).then(() => ({ broken: images.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src), count: images.length }));
}

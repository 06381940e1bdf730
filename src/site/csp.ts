/**
 * The site's Content-Security-Policy, one source for the page's `<meta http-equiv>`, the
 * `Content-Security-Policy` lines of `public/_headers` (a unit test keeps that file equal to
 * these) and the browser test.
 *
 * The built page has no inline script, no `<style>` element and no `style` attribute (styles
 * and scripts are files under `_astro/`, see astro.config.mjs), so the policy needs no hashes,
 * nonces or `'unsafe-inline'` and is the same for every build.
 */

/** A policy: directive name -> source list. */
export type Policy = Readonly<Record<string, readonly string[]>>;

/** The page. */
export const PAGE_POLICY: Policy = {
  'default-src': ["'self'"],
  // WebAssembly (the training worker's wasm backend) needs 'wasm-unsafe-eval'; nothing uses eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  // data: for the inline favicon.
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Directives a `<meta>` cannot carry (browsers ignore them there, with a console error). */
export const HEADER_ONLY: Policy = {
  'frame-ancestors': ["'none'"],
};

/**
 * The training worker, whose policy comes from its own response's header, not from the page.
 * The threaded WebAssembly build starts its thread pool as workers made from `blob:` URLs, each
 * of which loads the backend's script from a `blob:` URL; those workers inherit this policy.
 */
export const WORKER_POLICY: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
};

/** A policy as one header or meta value: `name source source; name source`. */
export function serialize(...policies: Policy[]): string {
  return policies
    .flatMap((p) => Object.entries(p))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The page's policy as the `<meta http-equiv="Content-Security-Policy">` carries it. */
export const META_POLICY = serialize(PAGE_POLICY);
/** The page's policy as the host's header carries it: the meta's plus the header-only directives. */
export const HEADER_POLICY = serialize(PAGE_POLICY, HEADER_ONLY);

/**
 * What `node-fetch` resolves to in the browser. tfjs-core's Node platform code calls
 * `require('node-fetch')`, which browsers never reach, and its package.json maps that module to
 * nothing for browsers; Vite's dev pre-bundler loses that mapping and serves the real node-fetch,
 * whose CommonJS dependencies then fail to load as modules (see astro.config.mjs).
 */
export default function nodeFetchUnavailable(): never {
  throw new Error('node-fetch is not available in the browser');
}

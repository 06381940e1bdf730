// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { cspForBuild } from './src/integrations/csp-build.ts';
import { workerChunk } from './src/integrations/worker-chunks.ts';

/**
 * Cross-origin isolation, which SharedArrayBuffer and so the threaded wasm build of TensorFlow.js
 * need. `astro dev` and `astro preview` send these; a host must send them too (see the README).
 */
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Where the site is published, from the environment (see docs/hosting.md):
 * - `SITE_URL`, e.g. `https://example.org`: the origin (and path) of the published site. It gives
 *   the page its canonical URL and the link preview its absolute image URL; without it the page
 *   has neither a canonical link nor an `og:url`, and the preview image's URL is relative.
 * - `BASE_PATH`, e.g. `/mnist/`: the path the site is served under (default `/`).
 * - `OUT_DIR`: where the build goes (default `dist/`); a build under another base path needs its
 *   own folder.
 * And for the tests: `VITE_CACHE_DIR`, where Vite keeps its pre-bundled dependencies (default
 * `node_modules/.vite`), so that a test can start the dev server from an empty cache of its own.
 */
const env = process.env;

export default defineConfig({
  site: env.SITE_URL || undefined,
  base: env.BASE_PATH || '/',
  outDir: env.OUT_DIR || './dist',
  integrations: [mdx(), cspForBuild()],
  // No inline <style> or <script>: every style and script is a file under _astro/, so the
  // Content-Security-Policy (src/site/csp.ts) needs no hashes and stays the same from build to build.
  build: { inlineStylesheets: 'never' },
  server: { headers: CROSS_ORIGIN_ISOLATION },
  vite: {
    cacheDir: env.VITE_CACHE_DIR || undefined,
    // The live widgets train in a module worker. Its entry chunk must be imported by no other
    // chunk (WebKit would evaluate it twice): see worker-chunks.ts.
    worker: { format: 'es', rollupOptions: { output: { manualChunks: workerChunk } } },
    // Astro inlines small scripts below this size; 0 keeps them files too (see build above).
    build: { assetsInlineLimit: 0 },
    preview: { headers: CROSS_ORIGIN_ISOLATION },
    server: { headers: CROSS_ORIGIN_ISOLATION },
    // Pre-bundled at start-up: found later, in the worker, they would make the dev server reload the page.
    optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgpu'] },
    // Without this, `astro dev` fails in the training worker: tfjs-core's pre-bundled Node code
    // imports node-fetch, which browsers can neither load nor need.
    resolve: { alias: [{ find: /^node-fetch$/, replacement: fileURLToPath(new URL('./src/live/node-fetch-unavailable.ts', import.meta.url)) }] },
  },
});

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';

/**
 * Cross-origin isolation, which SharedArrayBuffer and so the threaded wasm build of TensorFlow.js
 * need. `astro dev` and `astro preview` send these; a host must send them too (see the README).
 */
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  integrations: [mdx()],
  build: { inlineStylesheets: 'auto' },
  server: { headers: CROSS_ORIGIN_ISOLATION },
  vite: {
    // The live widgets train in module workers that share code-split chunks with the page.
    worker: { format: 'es' },
    preview: { headers: CROSS_ORIGIN_ISOLATION },
    server: { headers: CROSS_ORIGIN_ISOLATION },
    // Pre-bundled at start-up: found later, in the worker, they would make the dev server reload the page.
    optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'] },
    // Without this, `astro dev` fails in the training worker: tfjs-core's pre-bundled Node code
    // imports node-fetch, which browsers can neither load nor need.
    resolve: { alias: [{ find: /^node-fetch$/, replacement: fileURLToPath(new URL('./src/live/node-fetch-unavailable.ts', import.meta.url)) }] },
  },
});

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

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
  },
});

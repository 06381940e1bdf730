// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  build: { inlineStylesheets: 'auto' },
  // The live widgets train in module workers that share code-split chunks with the page.
  vite: { worker: { format: 'es' } },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Keeps TensorFlow.js's "install our node backend" banner out of the test output.
          setupFiles: ['test/setup/quiet-tfjs.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Builds the site when dist/ is stale, serves it and starts one Chromium.
          globalSetup: ['test/browser/setup/global.ts'],
          // One file at a time: they share the browser and the machine's few cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

import { build } from 'esbuild';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, disconnectBrowser, ROOT } from './harness';
import type { KernelReport } from './kernels/entry';
import { SHAPES, TRANSPOSES } from '../kernels/matmul-cases';
import { serveStatic, type StaticServer } from '../../scripts/browser/static-server';

const require = createRequire(import.meta.url);
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

let dir: string;
const servers: StaticServer[] = [];

/** Bundles the kernel cases and tfjs into a one-page site next to the wasm binaries. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kernel-page-'));
  await build({
    entryPoints: [join(ROOT, 'test/browser/kernels/entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: join(dir, 'entry.js'),
    logLevel: 'error',
  });
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  for (const f of WASM_FILES) await copyFile(join(wasmDir, f), join(dir, f));
  await writeFile(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>kernels</title><script type="module" src="entry.js"></script>');
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
  await disconnectBrowser();
});

async function reportFrom(crossOriginIsolated: boolean): Promise<KernelReport> {
  const server = await serveStatic(dir, { crossOriginIsolated });
  servers.push(server);
  const browser = await connectBrowser();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    const report = await page.evaluate(() => (window as unknown as { kernelReport: Promise<KernelReport> }).kernelReport);
    expect(errors).toEqual([]);
    return report;
  } finally {
    await context.close();
  }
}

function expectCasesPass(report: KernelReport): void {
  expect(report.backend).toBe('wasm');
  expect(report.installed.sort()).toEqual(['BatchMatMul', '_FusedMatMul']);
  expect(report.batch).toHaveLength(SHAPES.length * TRANSPOSES.length + TRANSPOSES.length);
  for (const r of report.batch) {
    expect(r.shapeOk, r.name).toBe(true);
    expect(r.fastVsStock, r.name).toBeLessThanOrEqual(r.tolerance);
    expect(r.fastVsReference, r.name).toBeLessThanOrEqual(r.tolerance);
  }
  expect(report.fused).toHaveLength(2 * TRANSPOSES.length);
  for (const r of report.fused) {
    expect(r.shapeOk, r.name).toBe(true);
    expect(r.fastVsReference, r.name).toBeLessThanOrEqual(r.tolerance);
    if (!Number.isNaN(r.fastVsStock)) expect(r.fastVsStock, r.name).toBeLessThanOrEqual(r.tolerance);
  }
  expect(report.swapped).toEqual({ identical: true, leakedBuffers: 0 });
}

describe('fast matrix-product kernels in Chromium (the cases test/unit/fast-matmul.test.ts runs in Node)', () => {
  it('match stock and float64 on the single-threaded wasm build', async () => {
    const report = await reportFrom(false);
    expect(report.isolated).toBe(false);
    expect(report.threads).toBe(1);
    expectCasesPass(report);
  });

  it('match stock and float64 on the threaded build of a cross-origin isolated page', async () => {
    const report = await reportFrom(true);
    expect(report.isolated).toBe(true);
    expect(report.threads).toBe(2);
    expectCasesPass(report);
  });
});

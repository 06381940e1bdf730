import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_POLICY, META_POLICY, serialize, WORKER_POLICY } from '../../src/site/csp';
import { headersFor, parseHeadersFile } from '../../scripts/browser/headers-file';

const FILE = resolve(import.meta.dirname, '../../public/_headers');
const rules = parseHeadersFile(FILE);

describe('public/_headers', () => {
  it('sends the page the policy of src/site/csp.ts, with frame-ancestors', () => {
    for (const path of ['/', '/index.html']) {
      expect(headersFor(rules, path)['content-security-policy']).toBe(HEADER_POLICY);
    }
    expect(HEADER_POLICY.startsWith(`${META_POLICY}; `)).toBe(true);
    expect(HEADER_POLICY).toContain("frame-ancestors 'none'");
  });

  it('sends the training worker its own policy and caches hashed files for good', () => {
    const h = headersFor(rules, '/_astro/train-worker-abc123.js');
    expect(h['content-security-policy']).toBe(serialize(WORKER_POLICY));
    expect(h['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the isolation headers everywhere, and no policy to data files', () => {
    for (const path of ['/', '/_astro/x.js', '/generated/manifest.json']) {
      expect(headersFor(rules, path)).toMatchObject({
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
    }
    expect(headersFor(rules, '/generated/manifest.json')['content-security-policy']).toBeUndefined();
  });

  it('has a strict page policy: no unsafe-inline or unsafe-eval, no other origins', () => {
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", 'http:', 'https:', '*']) {
      expect(META_POLICY.split(/[\s;]+/)).not.toContain(bad);
    }
    expect(META_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(META_POLICY).toMatch(/object-src 'none'/);
    expect(META_POLICY).toMatch(/base-uri 'none'/);
    expect(META_POLICY).toMatch(/worker-src 'self'(;|$)/);
    expect(META_POLICY).not.toContain('frame-ancestors');
  });
});

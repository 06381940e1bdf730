import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type HeaderRule, headersFor, parseHeadersFile } from './headers-file';

/** Content types of the files a built site serves; anything else is application/octet-stream. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
  '.f32': 'application/octet-stream',
};

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:43121/ */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Send the COOP/COEP headers that make pages cross-origin isolated, as the README asks of a
   * host (default true); false serves the site as a host without them would.
   */
  crossOriginIsolated?: boolean;
  /**
   * Send what this `_headers` file says (Netlify / Cloudflare Pages format) instead of the
   * isolation and caching defaults, as a host that reads it would.
   */
  headersFile?: string;
  /** Send no headers but the content type and length: a host that cannot set any. */
  bare?: boolean;
  /** The path the site is served under, e.g. `/mnist/` for a build with that base (default `/`). */
  basePath?: string;
  /** Told of every response: its path, status and the body bytes sent. */
  onResponse?: (sent: SentResponse) => void;
  /**
   * Told of every Content-Security-Policy violation the browser reports: the policy the server
   * sends gets a `report-uri` to the server added, the one change to it, so an engine whose
   * driver cannot listen to the page's events still tells the test what the policy refused.
   */
  onCspReport?: (report: string) => void;
}

/** Where browsers post their policy violation reports, under the site's base path. */
const CSP_REPORT_PATH = '__csp-report';

/** One response of the server, for tests that count what a page downloads. */
export interface SentResponse {
  path: string;
  status: number;
  bytes: number;
}

/** The headers a host sends for cross-origin isolation (threads in the training worker). */
export const CROSS_ORIGIN_ISOLATION: Readonly<Record<string, string>> = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/**
 * Serves the files under `root` on a free localhost port: GET and HEAD only, index.html for
 * folders, no transfer compression. Caching as common static hosts do it for an Astro site:
 * hashed files under `_astro/` are immutable, everything else is revalidated on each use (ETag,
 * 304 Not Modified), so a file fetched twice by a page is downloaded once.
 */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const isolation = options.crossOriginIsolated === false || options.bare ? {} : CROSS_ORIGIN_ISOLATION;
  const rules: HeaderRule[] | undefined = options.headersFile ? parseHeadersFile(options.headersFile) : undefined;
  const mount = options.basePath ?? '/';
  const base = resolve(root);
  /** The headers sent with a file at `pathname` (relative to the site's base), besides its type and length. */
  const withReports = (headers: Record<string, string>): Record<string, string> => {
    const policy = headers['content-security-policy'];
    if (!options.onCspReport || !policy) return headers;
    return { ...headers, 'content-security-policy': `${policy}; report-uri ${mount}${CSP_REPORT_PATH}` };
  };
  const headersOf = (pathname: string, etag: string): Record<string, string> => {
    if (options.bare) return {};
    if (rules) return withReports({ 'cache-control': 'no-cache', ...headersFor(rules, pathname), etag });
    return { ...isolation, etag, 'cache-control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache' };
  };
  const server = createServer((req, res) => {
    void (async () => {
      if (options.onCspReport && req.method === 'POST' && req.url === `${mount}${CSP_REPORT_PATH}`) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        options.onCspReport(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(204).end();
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const requested = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (!requested.startsWith(mount) && `${requested}/` !== mount) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not under ${mount}: ${requested}`);
        return;
      }
      const pathname = `/${requested.slice(mount.length)}`;
      let file = normalize(join(base, pathname));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        let info = await stat(file);
        if (info.isDirectory()) {
          file = join(file, 'index.html');
          info = await stat(file);
        }
        const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
        const headers = headersOf(pathname, etag);
        if (!options.bare && req.headers['if-none-match'] === etag) {
          res.writeHead(304, headers).end();
          options.onResponse?.({ path: pathname, status: 304, bytes: 0 });
          return;
        }
        res.writeHead(200, {
          ...headers,
          'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-length': info.size,
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
        options.onResponse?.({ path: pathname, status: 200, bytes: req.method === 'HEAD' ? 0 : info.size });
      } catch {
        res.writeHead(404, { ...isolation, 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}`);
      }
    })();
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

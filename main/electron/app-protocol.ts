/**
 * The `app://claimdesk/` protocol: serves the built renderer (out/renderer) and nothing else.
 *
 * Why a custom protocol rather than `loadFile`: a `file://` page has no origin of its own (every local
 * file is "same origin" to it, so CSP `'self'` would cover the whole disk), and ES module bundles need
 * a real origin. `app://claimdesk` is a standard, secure origin that contains exactly the app bundle,
 * which makes `'self'` mean "the app", and gives the IPC sender check one origin to compare with.
 *
 * Requests are resolved against the root folder and refused (404) when they would leave it (`..`,
 * encoded `%2e%2e` or `%2f`, absolute paths, NUL bytes), when the host is not `claimdesk`, or when
 * the method is not GET or HEAD.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';
import { CSP } from './security-policy.ts';

/** Passed to `protocol.registerSchemesAsPrivileged` before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Maps an `app://claimdesk/...` URL to a file under `root`, or `null` when the URL is not the app's
 * or would reach outside `root`. `/` is `index.html`.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  const base = path.resolve(root);
  const target = path.resolve(base, relative);
  const inside = path.relative(base, target);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return target;
}

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer). */
  root: string;
  /** Reads a file; `fs.promises.readFile` in the app (it also reads inside app.asar). */
  readFile: (file: string) => Promise<Uint8Array>;
}

const baseHeaders = (contentType: string): Record<string, string> => ({
  'Content-Type': contentType,
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
});

const notFound = (): Response => new Response('Not found', { status: 404, headers: baseHeaders('text/plain; charset=utf-8') });

/** The handler given to `protocol.handle('app', ...)`. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: baseHeaders('text/plain; charset=utf-8') });
    }
    const file = resolveAppPath(options.root, request.url);
    if (file === null) return notFound();
    let body: Uint8Array;
    try {
      body = await options.readFile(file);
    } catch {
      return notFound();
    }
    const headers = baseHeaders(contentTypeOf(file));
    // File contents are never backed by a SharedArrayBuffer; the cast only narrows the type.
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}

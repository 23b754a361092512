/**
 * The browser host: serves the built renderer and the contract over HTTP on 127.0.0.1, so the whole
 * app runs (and is tested) in any browser. It is a thin adapter: every call goes to `core.dispatch`.
 *
 * Other pages in the same browser must not drive it. So every request must name this host in `Host`
 * (defeats DNS rebinding), API calls must carry the per-run token in a header (a cross-site form or
 * fetch cannot set it without a CORS preflight, which we never answer) and, when the browser sends
 * an `Origin`, it must be ours. The token reaches our own page inside the served index.html, which
 * only a request with our Host gets, and which other origins cannot read.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { toWire, fromWire } from '../../shared/wire.ts';
import { createCore, type Core } from '../core/core.ts';

export interface WebHostOptions {
  /** The core to serve; or give `dbPath` and the host opens (and on close, closes) its own. */
  core?: Core;
  dbPath?: string;
  staticDir: string;
  port?: number;
  /** Largest request body accepted, in bytes (imports travel as base64 JSON). */
  maxBodyBytes?: number;
}

export interface WebHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { staticDir } = options;
  if (!options.core && !options.dbPath) throw new Error('startWebHost needs a core or a dbPath.');
  const ownCore = !options.core;
  const maxBody = options.maxBodyBytes ?? 512 * 1024 * 1024;
  const token = crypto.randomBytes(24).toString('base64url');
  const indexFile = path.join(staticDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`The renderer is not built (${indexFile} is missing). Run "npm run build:renderer" first.`);
  }
  const core = options.core ?? createCore({ dbPath: options.dbPath! });
  const sseClients = new Set<http.ServerResponse>();
  const stopWatching = core.watchExternalChanges();
  const unsubscribe = core.events.on((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sseClients) res.write(frame);
  });

  let allowedHosts = new Set<string>();
  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The host failed to answer.' } });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!allowedHosts.has(req.headers.host ?? '')) return forbid(res, 'This host only answers requests addressed to itself.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
        return forbid(res, 'Calls from other sites are refused.');
      }
      if (url.pathname === '/api/events') {
        if (!tokenMatches(url.searchParams.get('token'))) return forbid(res, 'Missing or wrong token.');
        return openEvents(req, res);
      }
      if (!tokenMatches(req.headers['x-claimdesk-token'])) return forbid(res, 'Missing or wrong token.');
      const match = /^\/api\/call\/([a-z]+:[a-zA-Z]+)$/.exec(url.pathname);
      if (!match || req.method !== 'POST') return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'No such call.' } });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, { ok: false, error: { code: 'BAD_REQUEST', message: 'Send JSON.' } });
      }
      const body = await readBody(req, maxBody);
      if (body === null) {
        return send(res, 413, { ok: false, error: { code: 'TOO_LARGE', message: `The request is over ${Math.round(maxBody / 1048576)} MB.` } });
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : fromWire(body.toString('utf8'));
      } catch {
        return send(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' } });
      }
      return send(res, 200, await core.dispatch(match[1]!, input));
    }
    return serveStatic(url.pathname, res);
  }

  function tokenMatches(candidate: string | string[] | undefined | null): boolean {
    if (typeof candidate !== 'string') return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  }

  function openEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    req.on('close', () => sseClients.delete(res));
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(staticDir, '.' + rel);
    if (!file.startsWith(path.resolve(staticDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const ext = path.extname(file);
    const headers: Record<string, string> = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' };
    if (ext === '.html') {
      headers['Content-Security-Policy'] = CSP;
      headers['Cache-Control'] = 'no-store';
      headers['X-Frame-Options'] = 'DENY';
      res.writeHead(200, headers);
      res.end(fs.readFileSync(file, 'utf8').replaceAll('__CLAIMDESK_TOKEN__', token));
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        stopWatching();
        for (const res of sseClients) res.end();
        sseClients.clear();
        server.closeAllConnections();
        server.close(() => {
          if (ownCore) core.close();
          resolve();
        });
      }),
  };
}

function forbid(res: http.ServerResponse, message: string): void {
  send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message } });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(toWire(body));
}

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

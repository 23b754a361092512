import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core.ts';
import { startWebHost, type WebHost } from '../../../main/web/server.ts';
import { fromWire, toWire } from '../../../shared/wire.ts';
import { tempDir } from '../core/helpers.ts';

let host: WebHost | undefined;
let core: Core | undefined;
afterEach(async () => {
  await host?.close();
  core?.close();
  host = core = undefined;
});

async function start(): Promise<WebHost> {
  const dir = tempDir();
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<meta name="claimdesk-token" content="__CLAIMDESK_TOKEN__"><p>app</p>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the static folder');
  core = createCore({ dbPath: path.join(dir, 'p.claimdesk') });
  host = await startWebHost({ core, staticDir });
  return host;
}

/** A raw request, so that Host and Origin can be set as a hostile page or rebinding attack would. */
function request(h: WebHost, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: h.port, path: opts.path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${h.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const call = (h: WebHost, channel: string, input: unknown, headers: Record<string, string> = {}) =>
  request(h, {
    path: `/api/call/${channel}`,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Claimdesk-Token': h.token, ...headers },
    body: toWire(input),
  });

describe('web host', () => {
  it('binds 127.0.0.1 and answers a call that carries its token', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await call(h, 'project:info', {});
    expect(res.status).toBe(200);
    const result = fromWire(res.body) as { ok: boolean; value: { documentCount: number } };
    expect(result).toMatchObject({ ok: true, value: { documentCount: 0 } });
  });

  it('refuses calls without the token, with a wrong token, a foreign Origin or a foreign Host', async () => {
    const h = await start();
    const noToken = await request(h, { path: '/api/call/project:info', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(403);
    expect((await call(h, 'project:info', {}, { 'X-Claimdesk-Token': 'guess' })).status).toBe(403);
    expect((await call(h, 'project:info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call(h, 'project:info', {}, { Host: 'evil.example' })).status).toBe(403);
    const page = await request(h, { path: '/', headers: { Host: `rebound.example:${h.port}` } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(h.token);
    expect((await request(h, { path: '/api/events' })).status).toBe(403);
  });

  it('hands its page the token, with a strict CSP, and serves nothing outside the renderer', async () => {
    const h = await start();
    const page = await request(h, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`content="${h.token}"`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect((await request(h, { path: '/../secret.txt' })).body).not.toContain('outside');
    expect((await request(h, { path: '/%2e%2e/secret.txt' })).status).toBe(404);
  });

  it('validates input at the boundary and returns errors as values', async () => {
    const h = await start();
    const bad = fromWire((await call(h, 'documents:get', { id: 'not-a-uuid' })).body) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = fromWire((await call(h, 'documents:explode', {})).body) as { ok: boolean; error: { code: string } };
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const junk = await request(h, { path: '/api/call/project:info', method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Claimdesk-Token': h.token }, body: '{"broken' });
    expect(junk.status).toBe(400);
  });

  it('imports bytes sent over the wire and searches them', async () => {
    const h = await start();
    const data = new TextEncoder().encode('Jordan says captagon smuggling is rising.\n\nThe army said so.');
    const imported = fromWire((await call(h, 'documents:import', { jobId: 'w1', files: [{ name: 'a.txt', data }] })).body) as { ok: boolean; value: { imported: number } };
    expect(imported).toMatchObject({ ok: true, value: { imported: 1 } });
    const found = fromWire((await call(h, 'search:query', { query: 'captagon' })).body) as { ok: boolean; value: { total: number } };
    expect(found).toMatchObject({ ok: true, value: { total: 1 } });
  });
});

describe('changes from another process', () => {
  it('are noticed and announced as events', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.claimdesk');
    const core = createCore({ dbPath: file });
    const seen: string[] = [];
    core.events.on((name, payload) => seen.push(`${name}:${(payload as { what?: string }).what}`));
    const stop = core.watchExternalChanges(20);
    const other = createCore({ dbPath: file }); // another process: the CLI
    await other.services['documents:import']({ jobId: 'x', files: [{ name: 'a.txt', data: new TextEncoder().encode('Jordan said so.') }] });
    other.close();
    await expect.poll(() => seen.includes('changed:documents'), { timeout: 2000 }).toBe(true);
    expect((await core.services['documents:list']({ offset: 0, limit: 10 })).total).toBe(1);
    stop();
    core.close();
  });
});

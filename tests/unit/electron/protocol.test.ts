import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../../main/electron/app-protocol.ts';
import { CSP } from '../../../main/electron/security-policy.ts';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-protocol-'));
const root = path.join(base, 'renderer');
fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Claimdesk</title>');
fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
// A file beside the renderer folder, whose name starts like it: a naive prefix check would serve it.
fs.writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
fs.mkdirSync(path.join(base, 'renderer-private'));
fs.writeFileSync(path.join(base, 'renderer-private', 'key.txt'), 'not for the page');

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const handler = createAppProtocolHandler({ root, readFile: (file) => fs.promises.readFile(file) });
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('resolveAppPath', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://claimdesk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://claimdesk/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://claimdesk/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://claimdesk/../secret.txt',
      'app://claimdesk/..%2fsecret.txt',
      'app://claimdesk/..%2Fsecret.txt',
      'app://claimdesk/%2e%2e/secret.txt',
      'app://claimdesk/%2e%2e%2fsecret.txt',
      'app://claimdesk/assets/..%2f..%2fsecret.txt',
      'app://claimdesk/..%2frenderer-private/key.txt',
      'app://claimdesk/..%5csecret.txt',
      'app://claimdesk/%2fetc%2fpasswd',
      'app://claimdesk//etc/passwd',
      'app://claimdesk/index.html%00.png',
      'app://claimdesk/%E0%A4%A',
      'app://other/index.html',
      'https://claimdesk/index.html',
    ]) {
      const resolved = resolveAppPath(root, url);
      // Either refused, or (for a URL the parser already normalised) still inside the folder.
      if (resolved !== null) expect(resolved.startsWith(root + path.sep), `${url} -> ${resolved}`).toBe(true);
    }
    expect(resolveAppPath(root, 'app://claimdesk/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://claimdesk/..%2frenderer-private/key.txt')).toBeNull();
  });
});

describe('the app:// handler', () => {
  it('serves the page with its type and the CSP', async () => {
    const res = await get('app://claimdesk/index.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Claimdesk</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await get('app://claimdesk/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for traversal, other hosts and missing files, never the file', async () => {
    for (const url of [
      'app://claimdesk/..%2fsecret.txt',
      'app://claimdesk/%2e%2e%2fsecret.txt',
      'app://claimdesk/assets/..%2f..%2fsecret.txt',
      'app://claimdesk/..%2frenderer-private/key.txt',
      'app://other/index.html',
      'app://claimdesk/missing.js',
      'app://claimdesk/assets',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('not for the page');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://claimdesk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://claimdesk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

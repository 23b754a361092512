import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../../main/electron/app-origin.ts';
import { hardenWebContents } from '../../../main/electron/contents-security.ts';
import { CSP, WEB_PREFERENCES } from '../../../main/electron/security-policy.ts';
import { applySessionSecurity, isAllowedRequestUrl } from '../../../main/electron/session-security.ts';
import { FakeSession, FakeWebContents, fakeEvent } from './fakes.ts';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values] as const;
      }),
  );

describe('the CSP', () => {
  const csp = directives(CSP);

  it('allows scripts from the app only, never eval or inline script', () => {
    expect(CSP).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('closes objects, base, forms and framing, and connects only to the app', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('names no remote host or wildcard', () => {
    expect(CSP).not.toMatch(/https?:|\*|wss?:/);
  });
});

describe('WEB_PREFERENCES', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://claimdesk/assets/x.js')).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'app://claimdesk.evil/',
      'app://claimdesk:8080/',
      'app://user@claimdesk/',
      'https://claimdesk/',
      'file:///etc/passwd',
      'http://127.0.0.1:5173/',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('applySessionSecurity', () => {
  const session = new FakeSession();
  applySessionSecurity(session);

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      session.permissionRequestHandler?.({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(session.permissionCheckHandler?.({}, permission), permission).toBe(false);
    }
  });

  it('cancels requests to any other origin', () => {
    for (const url of [
      'https://example.com/track.js',
      'http://127.0.0.1:8080/api',
      'ws://localhost:1234/',
      'wss://example.com/socket',
      'file:///etc/passwd',
      'ftp://example.com/x',
      'app://elsewhere/x',
      'blob:https://example.com/uuid',
    ]) {
      expect(session.cancels(url), url).toBe(true);
    }
  });

  it('lets the app load its own files and inline data', () => {
    for (const url of ['app://claimdesk/index.html', 'app://claimdesk/assets/index-abc.js', 'data:image/png;base64,AAAA', 'blob:app://claimdesk/0f0c']) {
      expect(session.cancels(url), url).toBe(false);
    }
    expect(isAllowedRequestUrl('::not-a-url')).toBe(false);
  });

  it('adds the CSP to every response, replacing any other', () => {
    let headers: Record<string, string | string[]> | undefined;
    session.headersReceived?.(
      { url: 'app://claimdesk/index.html', responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers?.['Content-Security-Policy']).toEqual([CSP]);
    expect(headers?.['content-security-policy']).toBeUndefined();
    expect(headers?.['Content-Type']).toEqual(['text/html']);

    let bare: Record<string, string | string[]> | undefined;
    session.headersReceived?.({ url: 'app://claimdesk/x.js' }, (r) => (bare = r.responseHeaders));
    expect(bare).toEqual({ 'Content-Security-Policy': [CSP] });
  });
});

describe('hardenWebContents', () => {
  const contents = new FakeWebContents();
  hardenWebContents(contents);

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: stops a foreign URL, allows the app', (name) => {
    for (const url of ['https://example.com/', 'file:///home/analyst/secret.txt', 'app://other/', 'javascript:alert(1)']) {
      const event = fakeEvent({ url });
      contents.emit(name, event);
      expect(event.prevented, url).toBe(true);
    }
    const own = fakeEvent({ url: 'app://claimdesk/index.html' });
    contents.emit(name, own);
    expect(own.prevented).toBe(false);
  });

  it('denies window.open, whatever the URL', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://claimdesk/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.prevented).toBe(true);
  });

  it('registers its guards once per web contents', () => {
    hardenWebContents(contents);
    expect(contents.count('will-navigate')).toBe(1);
  });
});

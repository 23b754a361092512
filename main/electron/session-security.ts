/**
 * Session-wide guards: no permission is ever granted, no request leaves the app's own origin, and
 * every response carries the app's CSP. Applied to the default session before the window loads.
 */
import { isAppUrl } from './app-origin.ts';
import { CSP } from './security-policy.ts';

type ResponseHeaders = Record<string, string | string[]>;

/** The parts of Electron's `Session` this module uses (the real one fits; tests pass fakes). */
export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { cancel?: boolean; responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Schemes a page of the app may request besides the app origin itself: inline images (`data:`),
 * object URLs the page made (`blob:`), and the developer tools' own pages in development.
 */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/** True for the app origin and the local schemes above; false for http(s), ws(s), file, ftp and the rest. */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  try {
    const { protocol } = new URL(url);
    if (protocol === 'blob:') return isAppUrl(url.slice('blob:'.length));
    return LOCAL_SCHEMES.has(protocol);
  } catch {
    return false;
  }
}

/** Returns `headers` less any CSP header (in any letter case), so that ours is the only one. */
export function withoutCsp(headers: Record<string, string[]> | undefined): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  return out;
}

export function applySessionSecurity(session: SessionLike): void {
  // Nothing in Claimdesk needs a camera, notifications, geolocation, MIDI, USB... Deny all.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);

  // Offline by design: a request that is not for the app bundle is cancelled, whatever asked for it.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));

  // The protocol handler already sends the CSP; this hook covers any response that does not come
  // from it, so no page is ever shown without the policy.
  // (The eng-disable comment: electronegativity evaluates only a CSP written as a string literal on
  // this line; ours is the CSP constant, whose content tests/unit/electron/security.test.ts asserts.)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...withoutCsp(details.responseHeaders), 'Content-Security-Policy': [CSP] } }); // eng-disable CSP_GLOBAL_CHECK
  });
}

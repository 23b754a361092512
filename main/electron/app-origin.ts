/**
 * The app's own origin. The renderer is served from `app://claimdesk/` by our protocol handler
 * (see app-protocol.ts), so "is this the app?" is one question with one answer everywhere: the IPC
 * sender check, the navigation guard and the request filter all ask `isAppUrl`.
 *
 * Node's URL gives non-special schemes an opaque origin (`"null"`), so the check compares scheme and
 * host instead of `url.origin`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'claimdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is a page or file of the app itself (`app://claimdesk/...`), nothing else. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The security settings of the desktop shell, as values, so that tests can assert them and the code
 * that applies them (window.ts, session-security.ts, app-protocol.ts) reads them from one place.
 *
 * Why each setting: docs/electron.md, "Security".
 */

/**
 * The Content-Security-Policy of every page the app shows. Sent as a response header by the
 * protocol handler and by the session's header hook, and repeated in the renderer's index.html.
 * No `unsafe-eval`, no remote origin: scripts come only from the app bundle.
 * `style-src 'unsafe-inline'` is kept because React sets `style` attributes; it allows no script.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The renderer's `webPreferences`, less the per-run `preload` path and `devTools` flag.
 * window.ts writes the same values as a literal inside `new BrowserWindow(...)` so that static
 * scanners (electronegativity) can see them; a unit test keeps the two identical.
 */
export const WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  // Middle-click (auxclick) is another way to open links in new windows; the page has no use for it.
  disableBlinkFeatures: 'Auxclick',
});

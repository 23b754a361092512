/**
 * Guards for every web contents the app creates: the page can never leave the app (navigation and
 * redirects to anything but `app://claimdesk/` are stopped), never open a window, and never attach a
 * `<webview>`. main.ts applies this to each web contents as it is created, and window.ts to the main
 * window itself, so neither depends on the other being right.
 */
import { isAppUrl } from './app-origin.ts';

interface PreventableEvent {
  preventDefault(): void;
}

/** Electron's navigation events carry the target in `details.url`. */
type NavigationListener = (details: PreventableEvent & { url: string }) => void;

/** The parts of Electron's `WebContents` this module uses. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: NavigationListener): unknown;
  on(event: 'will-redirect', listener: NavigationListener): unknown;
  on(event: 'will-frame-navigate', listener: NavigationListener): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

const hardened = new WeakSet<object>();

/** Stops a navigation unless it stays inside the app. */
const stayInApp: NavigationListener = (details) => {
  if (!isAppUrl(details.url)) details.preventDefault();
};

export function hardenWebContents(contents: GuardedContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  // No pop-ups, no new windows, not even of the app: links to the web are shown, not followed.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // webviewTag is off in webPreferences; this refuses any attempt regardless.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

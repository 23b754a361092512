/**
 * The main window: one BrowserWindow with the secure webPreferences, guarded against navigation and
 * pop-ups, showing the renderer from the app origin.
 *
 * The webPreferences are written out here as a literal (not spread from WEB_PREFERENCES) so that a
 * static scanner reading this call sees every value; window.test.ts checks that they equal
 * WEB_PREFERENCES.
 */
import { APP_ENTRY_URL } from './app-origin.ts';
import { hardenWebContents, type GuardedContents } from './contents-security.ts';

export interface WindowLike {
  readonly webContents: GuardedContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export interface WindowOptions {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  icon?: string;
  webPreferences: Record<string, unknown>;
}

export interface MainWindowDeps<W extends WindowLike> {
  BrowserWindow: new (options: WindowOptions) => W;
  /** Absolute path of the bundled preload (out/electron/preload.cjs). */
  preload: string;
  /** Developer tools are available only in development. */
  isPackaged: boolean;
  icon?: string;
  /** Called if the first page fails to load (logged; the window stays, empty). */
  onLoadError?: (error: unknown) => void;
}

export function createMainWindow<W extends WindowLike>(deps: MainWindowDeps<W>): W {
  const { BrowserWindow, preload, isPackaged } = deps;
  const win = new BrowserWindow({
    title: 'Claimdesk',
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    show: false,
    backgroundColor: '#ffffff',
    ...(deps.icon ? { icon: deps.icon } : {}),
    webPreferences: {
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
      disableBlinkFeatures: 'Auxclick',
      devTools: !isPackaged,
      // Reviewed (electronegativity PRELOAD_JS_CHECK asks for it): the preload runs sandboxed and
      // exposes two functions through contextBridge, never ipcRenderer; see preload-api.ts.
      preload, // eng-disable PRELOAD_JS_CHECK
    },
  });
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => deps.onLoadError?.(error));
  return win;
}

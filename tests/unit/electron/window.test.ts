import { beforeEach, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../../main/electron/app-origin.ts';
import { WEB_PREFERENCES } from '../../../main/electron/security-policy.ts';
import { createMainWindow } from '../../../main/electron/window.ts';
import { FakeBrowserWindow, fakeEvent } from './fakes.ts';

describe('createMainWindow', () => {
  beforeEach(() => {
    FakeBrowserWindow.created.length = 0;
  });

  it('creates one window with exactly the secure webPreferences and the preload', () => {
    const win = createMainWindow({ BrowserWindow: FakeBrowserWindow, preload: '/app/out/electron/preload.cjs', isPackaged: true });
    expect(FakeBrowserWindow.created).toEqual([win]);
    expect(win.options.webPreferences).toStrictEqual({
      ...WEB_PREFERENCES,
      devTools: false,
      preload: '/app/out/electron/preload.cjs',
    });
    // Spelt out once more, so that a weakened WEB_PREFERENCES cannot pass on its own.
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('allows the developer tools only in development', () => {
    const win = createMainWindow({ BrowserWindow: FakeBrowserWindow, preload: '/p.cjs', isPackaged: false });
    expect((win.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });

  it('loads the renderer from the app origin, hidden until ready', () => {
    const win = createMainWindow({ BrowserWindow: FakeBrowserWindow, preload: '/p.cjs', isPackaged: true });
    expect(win.loaded).toEqual([APP_ENTRY_URL]);
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('guards its web contents against navigation and new windows', () => {
    const win = createMainWindow({ BrowserWindow: FakeBrowserWindow, preload: '/p.cjs', isPackaged: true });
    const event = fakeEvent({ url: 'https://example.com/' });
    win.webContents.emit('will-navigate', event);
    expect(event.prevented).toBe(true);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

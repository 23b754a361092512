/**
 * A stand-in for the `electron` module, bundled in place of it (esbuild `alias`) by
 * main-wiring.test.ts, so that the real main.ts can run under Node without the Electron package
 * ever being loaded. Everything it is asked to do is recorded on `globalThis.__fakeElectron`.
 */
import { FakeBrowserWindow, FakeEmitter, FakeIpcMain, FakeSession } from './fakes.ts';

export interface FakeElectronState {
  appRoot: string;
  paths: Record<string, string>;
  app: FakeApp;
  windows: FakeWindow[];
  ipcMain: FakeIpcMain;
  session: FakeSession;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  privilegedSchemes: unknown[];
  menus: unknown[][];
  dialogs: { errors: string[]; messages: unknown[] };
}

class FakeApp extends FakeEmitter {
  readonly isPackaged = false;
  ready = false;
  sandboxed = false;
  name = 'claimdesk';
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  setName(name: string): void {
    this.name = name;
  }
  setPath(name: string, value: string): void {
    state().paths[name] = value;
  }
  getPath(name: string): string {
    const value = state().paths[name];
    if (value === undefined) throw new Error(`no fake path for ${name}`);
    return value;
  }
  getAppPath(): string {
    return state().appRoot;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  enableSandbox(): void {
    this.sandboxed = true;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {}
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  setAboutPanelOptions(): void {}
  showAboutPanel(): void {}
  /** Called by the test: the app becomes ready. */
  becomeReady(): void {
    this.ready = true;
    this.resolveReady();
  }
}

class FakeWindow extends FakeBrowserWindow {
  title = '';
  constructor(options: object) {
    super(options);
    state().windows.push(this);
  }
  static getAllWindows(): FakeWindow[] {
    return state().windows;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

const globalKey = '__fakeElectron';
function state(): FakeElectronState {
  const s = (globalThis as Record<string, unknown>)[globalKey] as FakeElectronState | undefined;
  if (!s) throw new Error('the test must set globalThis.__fakeElectron before loading the bundle');
  return s;
}

const current = state();
current.app = new FakeApp();
current.windows = [];
current.ipcMain = new FakeIpcMain();
current.session = new FakeSession();
current.protocolHandlers = new Map();
current.privilegedSchemes = [];
current.menus = [];
current.dialogs = { errors: [], messages: [] };

export const app = current.app;
export const BrowserWindow = FakeWindow;
export const ipcMain = current.ipcMain;
export const session = { defaultSession: current.session };
export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => current.privilegedSchemes.push(...schemes),
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => current.protocolHandlers.set(scheme, handler),
};
export const Menu = {
  buildFromTemplate: (template: unknown[]) => template,
  setApplicationMenu: (menu: unknown[]) => current.menus.push(menu),
};
export const dialog = {
  showErrorBox: (title: string, content: string) => current.dialogs.errors.push(`${title}: ${content}`),
  showMessageBox: async (...args: unknown[]) => {
    current.dialogs.messages.push(args.at(-1));
    return { response: 0, checkboxChecked: false };
  },
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true, filePath: '' }),
};

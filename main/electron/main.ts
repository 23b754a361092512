/**
 * Entry point of the desktop app (bundled to out/electron/main.cjs). Wires the real Electron objects
 * into the small modules beside it, which hold the behaviour and are tested with fakes. Keep it thin:
 * anything with an `if` worth testing belongs in one of those modules.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type MessageBoxOptions } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { APP_NAME, DEFAULT_PROJECT_FILE } from '../core/paths.ts';
import { APP_SCHEME } from './app-origin.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.ts';
import { hardenWebContents } from './contents-security.ts';
import { registerIpc } from './ipc.ts';
import { findProjectArg, isProjectFile } from './project-args.ts';
import { createRecentProjects, RECENT_FILE } from './recent-projects.ts';
import { applySessionSecurity } from './session-security.ts';
import { createShell, type CoreFactoryOptions, type CoreLike, type Dialogs } from './shell.ts';
import { createMainWindow } from './window.ts';

// The same user-data folder as the CLI (main/core/paths.ts), whatever package.json calls the app.
app.setName(APP_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));

// Must happen before `ready`: the scheme is standard and secure, so the renderer has a real origin.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const appRoot = app.getAppPath();
const paths = {
  renderer: path.join(appRoot, 'out', 'renderer'),
  preload: path.join(appRoot, 'out', 'electron', 'preload.cjs'),
  // Packaged: copied next to app.asar by extraResources. Development: built by
  // scripts/rebuild-electron-sqlite.mjs, apart from node_modules' Node build used by the tests.
  nativeBinding: app.isPackaged
    ? path.join(process.resourcesPath, 'better_sqlite3.node')
    : path.join(appRoot, '.electron-sqlite', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
  resources: app.isPackaged ? process.resourcesPath : path.join(appRoot, 'resources'),
  icon: path.join(appRoot, 'resources', 'icons', '512x512.png'),
};

let mainWindow: BrowserWindow | null = null;

const log = (error: unknown): void => console.error('[claimdesk]', error);

function messageBox(options: MessageBoxOptions): void {
  if (!app.isReady()) {
    dialog.showErrorBox(options.title ?? 'Claimdesk', `${options.message}\n\n${options.detail ?? ''}`);
    return;
  }
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch(log);
}

const projectFilter = { name: 'Claimdesk project', extensions: ['claimdesk'] };

const dialogs: Dialogs = {
  async chooseProjectToOpen() {
    const options = { title: 'Open Project', properties: ['openFile' as const], filters: [projectFilter] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    const [file] = result.filePaths;
    return result.canceled || file === undefined ? null : file;
  },
  async chooseNewProjectPath() {
    const options = {
      title: 'New Project',
      buttonLabel: 'Create',
      defaultPath: path.join(app.getPath('documents'), 'Untitled.claimdesk'),
      filters: [projectFilter],
      properties: ['createDirectory' as const],
    };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async chooseDocumentsToImport() {
    const options = {
      title: 'Import Documents',
      buttonLabel: 'Import',
      properties: ['openFile' as const, 'multiSelections' as const],
      filters: [
        { name: 'Text documents and metadata', extensions: ['txt', 'text', 'md', 'json'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  },
  showError: (title, detail) => messageBox({ type: 'error', title, message: title, detail }),
  showInfo: (title, detail) => messageBox({ type: 'info', title, message: title, detail }),
};

// The core (and with it better-sqlite3) is loaded on first use, after the window machinery is up.
async function createCore(options: CoreFactoryOptions): Promise<CoreLike> {
  if (options.nativeBinding && !fs.existsSync(options.nativeBinding)) {
    throw new Error(`The Electron build of better-sqlite3 is missing (${options.nativeBinding}). Run: npm run rebuild:electron-sqlite`);
  }
  const { createCore: create } = await import('../core/core.ts');
  // The analyst's signing key lives beside the projects, never inside one (packs carry projects away).
  const core = create({ ...options, keysDir: path.join(app.getPath('userData'), 'keys') });
  core.watchExternalChanges(); // the CLI writing to the open project shows up in the window
  return core;
}

const shell = createShell({
  createCore,
  nativeBinding: paths.nativeBinding,
  resourcesDir: paths.resources,
  recent: createRecentProjects(path.join(app.getPath('userData'), RECENT_FILE)),
  dialogs,
  installMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
  getContents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
  setTitle: (title) => mainWindow?.setTitle(title),
  fileExists: (file) => fs.existsSync(file),
  about: () => app.showAboutPanel(),
  isPackaged: app.isPackaged,
  platform: process.platform,
  log,
});

function showWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  const win = createMainWindow({
    BrowserWindow,
    preload: paths.preload,
    isPackaged: app.isPackaged,
    ...(fs.existsSync(paths.icon) ? { icon: paths.icon } : {}),
    onLoadError: log,
  });
  mainWindow = win;
  // The window title names the open project; the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  if (shell.current) win.setTitle(`${path.basename(shell.current.path, '.claimdesk')} — Claimdesk`);
}

async function start(initialFile: string | null): Promise<void> {
  applySessionSecurity(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: paths.renderer, readFile: (file) => fs.promises.readFile(file) }));
  registerIpc(ipcMain, {
    getContents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
    getDispatch: () => shell.getDispatch(),
  });
  app.setAboutPanelOptions({
    applicationName: 'Claimdesk',
    applicationVersion: app.getVersion(),
    copyright: 'MIT licence',
    credits: 'An offline workbench for what is claimed, by whom, and what is disputed.',
  });
  shell.refreshMenu();

  // A file given on the command line (or by macOS before `ready`) wins; otherwise the default project.
  const opened = initialFile !== null && (await shell.openProject(initialFile));
  if (!opened) await shell.openOrCreateProject(path.join(app.getPath('userData'), DEFAULT_PROJECT_FILE));
  showWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Claimdesk is running: it receives our argv in 'second-instance' and opens the file.
  app.quit();
} else {
  let pendingFile = findProjectArg(process.argv, process.cwd());

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  // macOS: a double-clicked .claimdesk file, possibly before the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (!isProjectFile(file)) return;
    if (!app.isReady()) pendingFile = file;
    else void shell.openProject(file).then(showWindow);
  });

  // Linux and Windows: a second launch (e.g. a double-click) forwards its arguments here.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = findProjectArg(argv, workingDirectory);
    if (!app.isReady()) {
      if (file !== null) pendingFile = file;
      return;
    }
    if (file !== null) void shell.openProject(file).then(showWindow);
    else showWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('will-quit', () => shell.close());

  app
    .whenReady()
    .then(() => start(pendingFile))
    .catch((error: unknown) => {
      log(error);
      dialog.showErrorBox('Claimdesk could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}

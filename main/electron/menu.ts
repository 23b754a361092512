/**
 * The application menu, as a template built from plain data and callbacks, so that tests can read
 * it without Electron. Commands that belong to the page (undo and redo, which must undo typing in a
 * text field as well as project actions; the keyboard shortcuts dialog) are sent to the renderer as
 * `menu` events; the rest (dialogs, projects, import) run in the main process.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  importDocuments(): void;
  undo(): void;
  redo(): void;
  showShortcuts(): void;
  about(): void;
}

export interface MenuOptions {
  /** Recently opened projects, most recent first. */
  recent: readonly string[];
  /** Packaged builds have no developer tools and no reload. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

const RECENT_IN_MENU = 10;

function recentSubmenu(actions: MenuActions, recent: readonly string[]): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No Recent Projects', enabled: false }];
  return [
    ...recent.slice(0, RECENT_IN_MENU).map(
      (file): MenuItemConstructorOptions => ({
        label: path.basename(file),
        sublabel: file,
        toolTip: file,
        click: () => actions.openRecent(file),
      }),
    ),
    { type: 'separator' },
    { label: 'Clear Recent Projects', click: () => actions.clearRecent() },
  ];
}

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const dev = !options.isPackaged;

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newProject() },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: 'Open Recent', submenu: recentSubmenu(actions, options.recent) },
      { type: 'separator' },
      { label: 'Import Documents…', accelerator: 'CmdOrCtrl+I', click: () => actions.importDocuments() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // Not roles: the renderer decides whether to undo typing (a focused text field) or the last
      // project action (history:undo), so the menu and the page's own shortcut agree.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.undo() },
      { label: 'Redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: () => actions.redo() },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  // Reload and the developer tools only in development: a packaged app has no use for either.
  const devItems: MenuItemConstructorOptions[] = dev
    ? [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }]
    : [];

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...devItems,
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'Keyboard Shortcuts', accelerator: 'F1', click: () => actions.showShortcuts() },
      { type: 'separator' },
      { label: 'About Claimdesk', click: () => actions.about() },
    ],
  };

  const template: MenuItemConstructorOptions[] = [file, edit, view];
  if (mac) {
    template.unshift({ role: 'appMenu' });
    template.push({ role: 'windowMenu' });
  }
  template.push(help);
  return template;
}

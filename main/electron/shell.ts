/**
 * The shell's behaviour, free of Electron: which project is open, opening another (from the menu,
 * a recent entry, a double-clicked file or a second instance), new project, import from the menu,
 * and the menu commands sent to the renderer. main.ts gives it the real dialogs, menu and window;
 * tests give it fakes.
 *
 * One project is open at a time. Opening another first opens the new one and only then closes the
 * old, so a file that cannot be opened leaves the current project as it was.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { ImportReport } from '../../shared/contract.ts';
import type { Dispatch } from '../core/dispatch.ts';
import { forwardEvents, sendEvent, type CoreEvents, type EventSink } from './ipc.ts';
import { buildMenuTemplate, type MenuActions } from './menu.ts';
import { isProjectFile, PROJECT_EXTENSION } from './project-args.ts';
import type { RecentProjects } from './recent-projects.ts';

/** What the shell needs of the core (main/core/core.ts's `Core` fits). */
export interface CoreLike {
  readonly path: string;
  readonly dispatch: Dispatch;
  readonly events: CoreEvents;
  importPaths(paths: string[], options?: { jobId?: string }): Promise<ImportReport>;
  close(): void;
}

export interface CoreFactoryOptions {
  dbPath: string;
  nativeBinding?: string;
  resourcesDir?: string;
}

export interface Dialogs {
  /** Resolves to the chosen `.claimdesk` file, or null when cancelled. */
  chooseProjectToOpen(): Promise<string | null>;
  /** Resolves to the path for a new project, or null when cancelled. */
  chooseNewProjectPath(): Promise<string | null>;
  /** Resolves to the chosen files (empty when cancelled). */
  chooseDocumentsToImport(): Promise<string[]>;
  showError(title: string, message: string): void;
  showInfo(title: string, message: string): void;
}

export interface ShellDeps {
  createCore(options: CoreFactoryOptions): CoreLike | Promise<CoreLike>;
  nativeBinding?: string;
  resourcesDir?: string;
  recent: RecentProjects;
  dialogs: Dialogs;
  installMenu(template: MenuItemConstructorOptions[]): void;
  /** The main window's web contents (for events), or null. */
  getContents(): EventSink | null;
  setTitle(title: string): void;
  fileExists(file: string): boolean;
  about(): void;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  log(error: unknown): void;
}

/** Commands the menu hands to the page, sent as the `menu` event. */
export type MenuCommand = 'undo' | 'redo' | 'shortcuts';

export interface Shell {
  readonly current: CoreLike | null;
  getDispatch(): Dispatch | null;
  /** Opens an existing project file; false, after telling the user, when it fails. */
  openProject(file: string): Promise<boolean>;
  /** Opens `file`, creating the project when it does not exist yet (the default project). */
  openOrCreateProject(file: string): Promise<boolean>;
  newProject(): Promise<void>;
  chooseAndOpenProject(): Promise<void>;
  importDocuments(): Promise<void>;
  readonly menuActions: MenuActions;
  refreshMenu(): void;
  close(): void;
}

/** A message for the analyst: a domain error's own sentence, otherwise what SQLite or the OS said. */
function describe(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

export function summarizeImport(report: ImportReport): string {
  const lines = [
    `Imported: ${report.imported}`,
    `Already in the project: ${report.duplicates}`,
    `Failed: ${report.failed}`,
  ];
  const failures = report.files.filter((f) => f.status === 'failed');
  for (const f of failures.slice(0, 10)) {
    if (f.status === 'failed') lines.push(`• ${f.file}: ${f.reason}`);
  }
  if (failures.length > 10) lines.push(`…and ${failures.length - 10} more.`);
  return lines.join('\n');
}

export function createShell(deps: ShellDeps): Shell {
  let current: CoreLike | null = null;
  let unsubscribe: (() => void) | null = null;
  // Opening is serialised: two quick requests (a double-click and a menu choice) never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  const toRenderer = (command: MenuCommand) => sendEvent(deps.getContents(), 'menu', { command });

  const refreshMenu = () => deps.installMenu(buildMenuTemplate(menuActions, { recent: deps.recent.list(), isPackaged: deps.isPackaged, platform: deps.platform }));

  const open = async (file: string): Promise<boolean> => {
    const dbPath = path.resolve(file);
    if (current !== null && path.resolve(current.path) === dbPath) return true;
    let next: CoreLike;
    try {
      next = await deps.createCore({
        dbPath,
        ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
        ...(deps.resourcesDir ? { resourcesDir: deps.resourcesDir } : {}),
      });
    } catch (error) {
      deps.log(error);
      deps.dialogs.showError('Could not open the project', `${dbPath}\n\n${describe(error)}`);
      if (!deps.fileExists(dbPath)) deps.recent.remove(dbPath);
      refreshMenu();
      return false;
    }
    unsubscribe?.();
    current?.close();
    current = next;
    unsubscribe = forwardEvents(next.events, deps.getContents);
    deps.recent.add(dbPath);
    deps.setTitle(`${path.basename(dbPath, PROJECT_EXTENSION)} — Claimdesk`);
    refreshMenu();
    sendEvent(deps.getContents(), 'changed', { what: 'project' });
    return true;
  };

  const openExisting = async (file: string): Promise<boolean> => {
    if (!deps.fileExists(file)) {
      deps.dialogs.showError('Project not found', `${file}\n\nThe file does not exist (moved or deleted?).`);
      deps.recent.remove(file);
      refreshMenu();
      return false;
    }
    return open(file);
  };

  const menuActions: MenuActions = {
    newProject: () => void shell.newProject(),
    openProject: () => void shell.chooseAndOpenProject(),
    openRecent: (file) => void serial(() => openExisting(file)),
    clearRecent: () => {
      deps.recent.clear();
      refreshMenu();
    },
    importDocuments: () => void shell.importDocuments(),
    undo: () => toRenderer('undo'),
    redo: () => toRenderer('redo'),
    showShortcuts: () => toRenderer('shortcuts'),
    about: () => deps.about(),
  };

  const shell: Shell = {
    get current() {
      return current;
    },
    getDispatch: () => current?.dispatch ?? null,
    openProject: (file) => serial(() => openExisting(file)),
    openOrCreateProject: (file) => serial(() => open(file)),
    newProject: async () => {
      const chosen = await deps.dialogs.chooseNewProjectPath();
      if (chosen === null) return;
      const file = isProjectFile(chosen) ? chosen : `${chosen}${PROJECT_EXTENSION}`;
      if (deps.fileExists(file)) {
        // Replacing a project would destroy an analyst's work; they can delete it themselves.
        deps.dialogs.showError('A project with that name exists', `${file}\n\nChoose another name, or open it with File ▸ Open Project….`);
        return;
      }
      await serial(() => open(file));
    },
    chooseAndOpenProject: async () => {
      const chosen = await deps.dialogs.chooseProjectToOpen();
      if (chosen !== null) await serial(() => openExisting(chosen));
    },
    importDocuments: async () => {
      if (current === null) {
        deps.dialogs.showError('No project is open', 'Open or create a project first.');
        return;
      }
      const files = await deps.dialogs.chooseDocumentsToImport();
      if (files.length === 0 || current === null) return;
      try {
        const report = await current.importPaths(files, { jobId: `menu-import-${Date.now()}` });
        deps.dialogs.showInfo('Import finished', summarizeImport(report));
      } catch (error) {
        deps.log(error);
        deps.dialogs.showError('Import failed', `Nothing was imported.\n\n${describe(error)}`);
      }
    },
    menuActions,
    refreshMenu,
    close: () => {
      unsubscribe?.();
      unsubscribe = null;
      current?.close();
      current = null;
    },
  };
  return shell;
}

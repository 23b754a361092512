import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../../../shared/contract.ts';
import { EVENT_CHANNEL } from '../../../main/electron/ipc-channels.ts';
import { findProjectArg } from '../../../main/electron/project-args.ts';
import { createRecentProjects, RECENT_MAX } from '../../../main/electron/recent-projects.ts';
import { createShell, summarizeImport, type CoreFactoryOptions, type CoreLike, type Dialogs } from '../../../main/electron/shell.ts';
import { FakeWebContents } from './fakes.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-shell-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const report: ImportReport = {
  batchId: '0190a5f2-7c1e-7000-8000-000000000001',
  imported: 2,
  duplicates: 1,
  failed: 1,
  files: [
    { status: 'imported', file: 'a.txt', documentId: '0190a5f2-7c1e-7000-8000-000000000002', title: 'A' },
    { status: 'imported', file: 'b.txt', documentId: '0190a5f2-7c1e-7000-8000-000000000003', title: 'B' },
    { status: 'duplicate', file: 'c.txt', documentId: '0190a5f2-7c1e-7000-8000-000000000002', title: 'A' },
    { status: 'failed', file: 'photo.txt', code: 'BINARY', reason: 'This is a JPEG image, not text.' },
  ],
};

function fakeCore(dbPath: string) {
  const handlers = new Set<(name: string, payload: unknown) => void>();
  const core = {
    path: dbPath,
    dispatch: vi.fn(async () => ({ ok: true as const, value: null })),
    events: {
      on(handler: (name: string, payload: unknown) => void) {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
    },
    importPaths: vi.fn(async (_paths: string[], _options?: { jobId?: string }) => report),
    close: vi.fn(),
    emit: (name: string, payload: unknown) => handlers.forEach((h) => h(name, payload)),
    handlers,
  };
  fs.writeFileSync(dbPath, '');
  return core;
}

function setup(overrides: { failOn?: string; dialogs?: Partial<Dialogs> } = {}) {
  const contents = new FakeWebContents();
  const cores: ReturnType<typeof fakeCore>[] = [];
  const created: CoreFactoryOptions[] = [];
  const menus: MenuItemConstructorOptions[][] = [];
  const errors: string[] = [];
  const infos: string[] = [];
  const titles: string[] = [];
  const dialogs: Dialogs = {
    chooseProjectToOpen: vi.fn(async () => null),
    chooseNewProjectPath: vi.fn(async () => null),
    chooseDocumentsToImport: vi.fn(async () => []),
    showError: (title, message) => errors.push(`${title}: ${message}`),
    showInfo: (title, message) => infos.push(`${title}: ${message}`),
    ...overrides.dialogs,
  };
  const shell = createShell({
    createCore: (options): CoreLike => {
      created.push(options);
      if (overrides.failOn && options.dbPath.endsWith(overrides.failOn)) throw new Error('file is not a database');
      const core = fakeCore(options.dbPath);
      cores.push(core);
      return core;
    },
    nativeBinding: '/electron-sqlite/better_sqlite3.node',
    resourcesDir: '/resources',
    recent: createRecentProjects(path.join(dir, 'recent-projects.json'), 'linux'),
    dialogs,
    installMenu: (template) => menus.push(template),
    getContents: () => contents,
    setTitle: (title) => titles.push(title),
    fileExists: (file) => fs.existsSync(file),
    about: vi.fn(),
    isPackaged: true,
    platform: 'linux',
    log: () => undefined,
  });
  return { shell, contents, cores, created, menus, errors, infos, titles, dialogs };
}

const recentInMenu = (menus: MenuItemConstructorOptions[][]) => {
  const file = menus.at(-1)?.[0]?.submenu as MenuItemConstructorOptions[];
  const recent = file.find((i) => i.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
  return recent.filter((i) => i.sublabel).map((i) => i.sublabel);
};

describe('the shell', () => {
  it('opens the default project with the Electron build of better-sqlite3, and tells the renderer', async () => {
    const { shell, created, contents, titles, menus } = setup();
    const file = path.join(dir, 'default.claimdesk');
    expect(await shell.openOrCreateProject(file)).toBe(true);
    expect(created).toEqual([{ dbPath: file, nativeBinding: '/electron-sqlite/better_sqlite3.node', resourcesDir: '/resources' }]);
    expect(shell.getDispatch()).toBe(shell.current?.dispatch);
    expect(contents.sent).toContainEqual([EVENT_CHANNEL, 'changed', { what: 'project' }]);
    expect(titles.at(-1)).toBe('default — Claimdesk');
    expect(recentInMenu(menus)).toEqual([file]);
  });

  it('switches projects: the new one opens before the old one closes, and events follow', async () => {
    const { shell, cores, contents } = setup();
    await shell.openOrCreateProject(path.join(dir, 'one.claimdesk'));
    const second = path.join(dir, 'two.claimdesk');
    fs.writeFileSync(second, '');
    expect(await shell.openProject(second)).toBe(true);
    const [one, two] = cores;
    expect(one?.close).toHaveBeenCalledOnce();
    expect(one?.handlers.size).toBe(0);
    two?.emit('progress', { jobId: 'j', phase: 'done', done: 1, total: 1 });
    expect(contents.sent.at(-1)).toEqual([EVENT_CHANNEL, 'progress', { jobId: 'j', phase: 'done', done: 1, total: 1 }]);
  });

  it('keeps the current project when another cannot be opened, and says why', async () => {
    const { shell, cores, errors } = setup({ failOn: 'broken.claimdesk' });
    await shell.openOrCreateProject(path.join(dir, 'good.claimdesk'));
    const broken = path.join(dir, 'broken.claimdesk');
    fs.writeFileSync(broken, 'not sqlite');
    expect(await shell.openProject(broken)).toBe(false);
    expect(shell.current?.path).toBe(path.join(dir, 'good.claimdesk'));
    expect(cores[0]?.close).not.toHaveBeenCalled();
    expect(errors).toEqual([`Could not open the project: ${broken}\n\nfile is not a database`]);
  });

  it('refuses to open a missing file and drops it from Open Recent', async () => {
    const { shell, menus, errors, created } = setup();
    const gone = path.join(dir, 'gone.claimdesk');
    await shell.openOrCreateProject(gone);
    fs.rmSync(gone);
    await shell.openOrCreateProject(path.join(dir, 'other.claimdesk'));
    expect(recentInMenu(menus)).toEqual([path.join(dir, 'other.claimdesk'), gone]);
    shell.menuActions.openRecent(gone);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatch(/^Project not found/);
    expect(recentInMenu(menus)).toEqual([path.join(dir, 'other.claimdesk')]);
    expect(created).toHaveLength(2);
  });

  it('New Project adds the extension and never replaces an existing project', async () => {
    const target = path.join(dir, 'Captagon');
    const { shell, created, errors } = setup({ dialogs: { chooseNewProjectPath: async () => target } });
    await shell.newProject();
    expect(created.at(-1)?.dbPath).toBe(`${target}.claimdesk`);
    await shell.newProject();
    expect(created).toHaveLength(1);
    expect(errors[0]).toMatch(/^A project with that name exists/);
  });

  it('Open Project opens the chosen file; cancelling does nothing', async () => {
    const chosen = path.join(dir, 'chosen.claimdesk');
    fs.writeFileSync(chosen, '');
    const { shell, created } = setup({ dialogs: { chooseProjectToOpen: async () => chosen } });
    await shell.chooseAndOpenProject();
    expect(created.map((c) => c.dbPath)).toEqual([chosen]);
    const cancelled = setup();
    await cancelled.shell.chooseAndOpenProject();
    expect(cancelled.created).toEqual([]);
  });

  it('Import Documents imports the chosen paths through the core and reports the outcome', async () => {
    const files = ['/data/a.txt', '/data/b.txt'];
    const { shell, cores, infos } = setup({ dialogs: { chooseDocumentsToImport: async () => files } });
    await shell.openOrCreateProject(path.join(dir, 'p.claimdesk'));
    await shell.importDocuments();
    expect(cores[0]?.importPaths).toHaveBeenCalledWith(files, { jobId: expect.stringMatching(/^menu-import-/) });
    expect(infos).toEqual([`Import finished: ${summarizeImport(report)}`]);
    expect(infos[0]).toContain('photo.txt: This is a JPEG image, not text.');
  });

  it('Import Documents without a project asks for one first', async () => {
    const { shell, errors, dialogs } = setup();
    await shell.importDocuments();
    expect(errors[0]).toMatch(/^No project is open/);
    expect(dialogs.chooseDocumentsToImport).not.toHaveBeenCalled();
  });

  it('sends undo, redo and shortcuts to the renderer as menu events', () => {
    const { shell, contents } = setup();
    shell.menuActions.undo();
    shell.menuActions.redo();
    shell.menuActions.showShortcuts();
    expect(contents.sent).toEqual([
      [EVENT_CHANNEL, 'menu', { command: 'undo' }],
      [EVENT_CHANNEL, 'menu', { command: 'redo' }],
      [EVENT_CHANNEL, 'menu', { command: 'shortcuts' }],
    ]);
  });

  it('close() closes the open project', async () => {
    const { shell, cores } = setup();
    await shell.openOrCreateProject(path.join(dir, 'p.claimdesk'));
    shell.close();
    expect(cores[0]?.close).toHaveBeenCalledOnce();
    expect(shell.getDispatch()).toBeNull();
  });
});

describe('recent projects', () => {
  it('keeps the most recent first, without duplicates, at most RECENT_MAX', () => {
    const recent = createRecentProjects(path.join(dir, 'r.json'), 'linux');
    for (let i = 0; i < RECENT_MAX + 3; i++) recent.add(`/p/${i}.claimdesk`);
    recent.add('/p/5.claimdesk');
    const list = recent.list();
    expect(list).toHaveLength(RECENT_MAX);
    expect(list[0]).toBe('/p/5.claimdesk');
    expect(list.filter((p) => p === '/p/5.claimdesk')).toHaveLength(1);
  });

  it('treats a damaged or foreign file as an empty list', () => {
    const file = path.join(dir, 'r.json');
    fs.writeFileSync(file, '{ not json');
    expect(createRecentProjects(file).list()).toEqual([]);
    fs.writeFileSync(file, JSON.stringify({ version: 1, projects: ['relative.claimdesk', 42, '/ok.claimdesk'] }));
    expect(createRecentProjects(file).list()).toEqual(['/ok.claimdesk']);
  });

  it('compares paths case-insensitively on Windows and macOS', () => {
    const recent = createRecentProjects(path.join(dir, 'r.json'), 'darwin');
    recent.add('/Users/a/Case.claimdesk');
    recent.add('/users/a/case.claimdesk');
    expect(recent.list()).toEqual(['/users/a/case.claimdesk']);
  });
});

describe('findProjectArg', () => {
  it('finds a .claimdesk argument, resolved against the given directory', () => {
    expect(findProjectArg(['/opt/Claimdesk/claimdesk', '--no-sandbox', 'cases/x.CLAIMDESK'], '/home/a')).toBe('/home/a/cases/x.CLAIMDESK');
    expect(findProjectArg(['/usr/bin/electron', '.', '/abs/y.claimdesk'], '/cwd')).toBe('/abs/y.claimdesk');
  });

  it('ignores argv[0], flags and other files', () => {
    expect(findProjectArg(['/x/evil.claimdesk', '--open=z.claimdesk', 'notes.txt'], '/cwd')).toBeNull();
    expect(findProjectArg([], '/cwd')).toBeNull();
  });
});

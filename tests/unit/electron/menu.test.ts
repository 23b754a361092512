import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../main/electron/menu.ts';

const actions = (): MenuActions => ({
  newProject: vi.fn(),
  openProject: vi.fn(),
  openRecent: vi.fn(),
  clearRecent: vi.fn(),
  importDocuments: vi.fn(),
  undo: vi.fn(),
  redo: vi.fn(),
  showShortcuts: vi.fn(),
  about: vi.fn(),
});

const items = (menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(menu?.submenu) ? (menu.submenu as MenuItemConstructorOptions[]) : [];
const topLevel = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label?.replace('&', '') === label);
const names = (menu: MenuItemConstructorOptions | undefined) => items(menu).filter((i) => i.type !== 'separator').map((i) => i.label ?? i.role);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('the application menu', () => {
  const recent = ['/home/a/Cases/captagon.claimdesk', '/home/a/default.claimdesk'];

  it('has File, Edit, View and Help, in that order', () => {
    const template = buildMenuTemplate(actions(), { recent, isPackaged: true, platform: 'linux' });
    expect(template.map((m) => m.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('File: new, open, recent, import, quit', () => {
    const a = actions();
    const file = topLevel(buildMenuTemplate(a, { recent, isPackaged: true, platform: 'linux' }), 'File');
    expect(names(file)).toEqual(['New Project…', 'Open Project…', 'Open Recent', 'Import Documents…', 'Quit']);
    expect(items(file).find((i) => i.label === 'Quit')?.role).toBe('quit');
    click(items(file).find((i) => i.label === 'New Project…'));
    click(items(file).find((i) => i.label === 'Open Project…'));
    click(items(file).find((i) => i.label === 'Import Documents…'));
    expect(a.newProject).toHaveBeenCalledOnce();
    expect(a.openProject).toHaveBeenCalledOnce();
    expect(a.importDocuments).toHaveBeenCalledOnce();
  });

  it('Open Recent lists the recent projects and can be cleared', () => {
    const a = actions();
    const file = topLevel(buildMenuTemplate(a, { recent, isPackaged: true, platform: 'linux' }), 'File');
    const openRecent = items(file).find((i) => i.label === 'Open Recent');
    expect(names(openRecent)).toEqual(['captagon.claimdesk', 'default.claimdesk', 'Clear Recent Projects']);
    click(items(openRecent)[0]);
    expect(a.openRecent).toHaveBeenCalledWith('/home/a/Cases/captagon.claimdesk');
    click(items(openRecent).find((i) => i.label === 'Clear Recent Projects'));
    expect(a.clearRecent).toHaveBeenCalledOnce();

    const empty = topLevel(buildMenuTemplate(a, { recent: [], isPackaged: true, platform: 'linux' }), 'File');
    expect(items(items(empty).find((i) => i.label === 'Open Recent'))).toEqual([{ label: 'No Recent Projects', enabled: false }]);
  });

  it('Edit: undo and redo go to the actions; clipboard items are roles', () => {
    const a = actions();
    const edit = topLevel(buildMenuTemplate(a, { recent, isPackaged: true, platform: 'linux' }), 'Edit');
    expect(names(edit)).toEqual(['Undo', 'Redo', 'cut', 'copy', 'paste', 'selectAll']);
    click(items(edit)[0]);
    click(items(edit)[1]);
    expect(a.undo).toHaveBeenCalledOnce();
    expect(a.redo).toHaveBeenCalledOnce();
    expect(items(edit)[0]?.accelerator).toBe('CmdOrCtrl+Z');
  });

  it('View: zoom and full screen; reload and developer tools only when not packaged', () => {
    const packaged = topLevel(buildMenuTemplate(actions(), { recent, isPackaged: true, platform: 'linux' }), 'View');
    expect(names(packaged)).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
    const dev = topLevel(buildMenuTemplate(actions(), { recent, isPackaged: false, platform: 'linux' }), 'View');
    expect(names(dev)).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'reload', 'toggleDevTools']);
  });

  it('Help: keyboard shortcuts and about', () => {
    const a = actions();
    const help = topLevel(buildMenuTemplate(a, { recent, isPackaged: true, platform: 'linux' }), 'Help');
    expect(names(help)).toEqual(['Keyboard Shortcuts', 'About Claimdesk']);
    click(items(help)[0]);
    click(items(help).find((i) => i.label === 'About Claimdesk'));
    expect(a.showShortcuts).toHaveBeenCalledOnce();
    expect(a.about).toHaveBeenCalledOnce();
  });

  it('on macOS adds the app and window menus and closes instead of quitting from File', () => {
    const template = buildMenuTemplate(actions(), { recent, isPackaged: true, platform: 'darwin' });
    expect(template.map((m) => m.role ?? m.label?.replace('&', ''))).toEqual(['appMenu', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(items(topLevel(template, 'File')).at(-1)?.role).toBe('close');
  });
});

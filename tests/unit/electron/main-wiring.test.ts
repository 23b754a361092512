/**
 * Runs the real entry point, main/electron/main.ts, under Node: esbuild bundles it with `electron`
 * replaced by fake-electron.ts (so the Electron package is never loaded), better-sqlite3's Node
 * build stands in for the Electron build, and the test drives it as Electron would: ready, IPC
 * calls, the app:// protocol, a second instance with a project file, quit. It checks the wiring that
 * the unit tests of each module cannot: that main.ts connects them as intended, to the real core.
 */
import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeElectronState } from './fake-electron.ts';
import { frame } from './fakes.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
let tmp = '';
let state: FakeElectronState;

const userData = () => path.join(tmp, 'appData', 'Claimdesk');
const win = () => {
  const w = state.windows[0];
  if (!w) throw new Error('no window');
  return w;
};
const trusted = () => ({ sender: win().webContents, senderFrame: win().webContents.mainFrame });
const invoke = (event: unknown, channel: string, input: unknown = {}) => state.ipcMain.invoke('claimdesk:invoke', event, channel, input);

// better-sqlite3 stays outside the bundle, required by absolute path from the temporary folder.
const betterSqliteFromProject: Plugin = {
  name: 'better-sqlite3-from-project',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: require.resolve('better-sqlite3'), external: true }));
  },
};

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-main-'));
  const appRoot = path.join(tmp, 'app');
  fs.mkdirSync(path.join(appRoot, 'out', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(appRoot, 'out', 'renderer', 'index.html'), '<!doctype html><title>Claimdesk</title>');
  // Where main.ts looks for the Electron build of better-sqlite3; under Node, the Node build.
  const nativeDir = path.join(appRoot, '.electron-sqlite', 'better-sqlite3', 'build', 'Release');
  fs.mkdirSync(nativeDir, { recursive: true });
  fs.copyFileSync(path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node'), path.join(nativeDir, 'better_sqlite3.node'));

  (globalThis as Record<string, unknown>).__fakeElectron = {
    appRoot,
    paths: { appData: path.join(tmp, 'appData'), documents: path.join(tmp, 'docs') },
  };
  const outfile = path.join(tmp, 'main.cjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['main/electron/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    alias: { electron: path.join(root, 'tests', 'unit', 'electron', 'fake-electron.ts') },
    plugins: [betterSqliteFromProject],
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const bundle = fs.readFileSync(outfile, 'utf8');
  if (/require\(["']electron["']\)/.test(bundle)) throw new Error('the bundle still requires electron');

  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  require(outfile);
  state = (globalThis as Record<string, unknown>).__fakeElectron as FakeElectronState;
  state.app.becomeReady();
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 15_000 });
}, 60_000);

afterAll(() => {
  state?.app.emit('will-quit');
  delete (globalThis as Record<string, unknown>).__fakeElectron;
  vi.restoreAllMocks();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('main.ts, wired to fakes of Electron and the real core', () => {
  it('sets up the app before ready: user data beside the CLI, sandbox everywhere, app:// privileged', () => {
    expect(state.app.name).toBe('Claimdesk');
    expect(state.paths.userData).toBe(userData());
    expect(state.app.sandboxed).toBe(true);
    expect(state.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('applies the session guards', () => {
    expect(state.session.cancels('https://example.com/x.js')).toBe(true);
    expect(state.session.cancels('app://claimdesk/index.html')).toBe(false);
    let granted: boolean | undefined;
    state.session.permissionRequestHandler?.({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('opens one sandboxed window on the app origin with the built preload', () => {
    const options = win().options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(options.webPreferences.preload).toBe(path.join(state.appRoot, 'out', 'electron', 'preload.cjs'));
    expect(win().loaded).toEqual(['app://claimdesk/index.html']);
  });

  it('serves the renderer over app:// with the CSP, and nothing outside it', async () => {
    const handler = state.protocolHandlers.get('app');
    const page = await handler?.(new Request('app://claimdesk/index.html'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await handler?.(new Request('app://claimdesk/..%2f..%2fmain.cjs')))?.status).toBe(404);
  });

  it('opens the default project in user data and answers the window through the contract', async () => {
    const info = (await invoke(trusted(), 'project:info')) as { ok: boolean; value: { path: string } };
    expect(info.ok).toBe(true);
    expect(info.value.path).toBe(path.join(userData(), 'default.claimdesk'));
    expect(await invoke({ sender: win().webContents, senderFrame: frame('https://example.com/') }, 'project:info')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await invoke(trusted(), 'nope:nope')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('imports through IPC with bytes, and pushes progress and change events to the window', async () => {
    const data = new TextEncoder().encode('Officials denied the report on Tuesday, the ministry said.\n');
    const result = (await invoke(trusted(), 'documents:import', { jobId: 'job-1', files: [{ name: 'denial.txt', data }] })) as {
      ok: boolean;
      value: { imported: number };
    };
    expect(result).toMatchObject({ ok: true, value: { imported: 1 } });
    const names = win().webContents.sent.filter((m) => m[0] === 'claimdesk:event').map((m) => m[1]);
    expect(names).toContain('progress');
    expect(names).toContain('changed');
  });

  it('a second instance with a .claimdesk file switches the window to that project', async () => {
    const other = path.join(tmp, 'Captagon case.claimdesk');
    fs.writeFileSync(other, '');
    state.app.emit('second-instance', {}, ['/opt/Claimdesk/claimdesk', '--flag', 'Captagon case.claimdesk'], tmp);
    await vi.waitFor(async () => {
      const info = (await invoke(trusted(), 'project:info')) as { value: { path: string; documentCount: number } };
      expect(info.value.path).toBe(other);
      expect(info.value.documentCount).toBe(0);
    });
    expect(win().title).toBe('Captagon case — Claimdesk');
    expect(win().webContents.sent).toContainEqual(['claimdesk:event', 'changed', { what: 'project' }]);
    const file = (state.menus.at(-1) as { label?: string; submenu?: { label?: string; submenu?: { sublabel?: string }[] }[] }[])[0];
    const recent = file?.submenu?.find((i) => i.label === 'Open Recent')?.submenu?.map((i) => i.sublabel).filter(Boolean);
    expect(recent).toEqual([other, path.join(userData(), 'default.claimdesk')]);
  });

  it('closes the project on quit', async () => {
    state.app.emit('will-quit');
    expect(await invoke(trusted(), 'project:info')).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } });
  });
});

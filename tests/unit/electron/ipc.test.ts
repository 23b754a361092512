import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, forwardEvents, INVOKE_CHANNEL, isTrustedSender, registerIpc } from '../../../main/electron/ipc.ts';
import type { Dispatch } from '../../../main/core/dispatch.ts';
import { FakeIpcMain, FakeWebContents, frame } from './fakes.ts';

function setup(options: { dispatch?: Dispatch | null } = {}) {
  const ipcMain = new FakeIpcMain();
  const contents = new FakeWebContents(frame('app://claimdesk/index.html', { processId: 7, routingId: 3 }));
  const dispatch = vi.fn<Dispatch>(async (_channel, input) => ({ ok: true, value: { echoed: input } }));
  const chosen = options.dispatch === undefined ? dispatch : options.dispatch;
  const remove = registerIpc(ipcMain, { getContents: () => contents, getDispatch: () => chosen });
  const call = (event: unknown, channel: unknown, input?: unknown) => ipcMain.invoke(INVOKE_CHANNEL, event, channel, input);
  return { ipcMain, contents, dispatch, remove, call };
}

const FORBIDDEN = expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });

describe('registerIpc', () => {
  it('passes a call from the main frame of the app page to dispatch', async () => {
    const { contents, dispatch, call } = setup();
    const result = await call({ sender: contents, senderFrame: contents.mainFrame }, 'documents:list', { limit: 5 });
    expect(dispatch).toHaveBeenCalledWith('documents:list', { limit: 5 });
    expect(result).toEqual({ ok: true, value: { echoed: { limit: 5 } } });
  });

  it('accepts an equal frame object for the main frame (same process and routing id)', async () => {
    const { contents, dispatch, call } = setup();
    await call({ sender: contents, senderFrame: frame('app://claimdesk/index.html', { processId: 7, routingId: 3 }) }, 'project:info', {});
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('refuses a subframe with FORBIDDEN, even one showing an app page', async () => {
    const { contents, dispatch, call } = setup();
    const child = frame('app://claimdesk/index.html', { processId: 7, routingId: 9, parent: contents.mainFrame });
    expect(await call({ sender: contents, senderFrame: child }, 'project:info', {})).toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses the main frame once it shows a foreign URL', async () => {
    const { contents, dispatch, call } = setup();
    for (const url of ['https://example.com/', 'file:///tmp/x.html', 'app://evil/index.html', 'about:blank']) {
      contents.mainFrame.url = url;
      expect(await call({ sender: contents, senderFrame: contents.mainFrame }, 'project:info', {}), url).toEqual(FORBIDDEN);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses another web contents, a missing frame, and a destroyed window', async () => {
    const { contents, dispatch, call } = setup();
    const other = new FakeWebContents(frame('app://claimdesk/index.html', { processId: 8, routingId: 1 }));
    expect(await call({ sender: other, senderFrame: other.mainFrame }, 'project:info', {})).toEqual(FORBIDDEN);
    expect(await call({ sender: contents, senderFrame: frame('app://claimdesk/index.html', { processId: 8, routingId: 1 }) }, 'project:info', {})).toEqual(FORBIDDEN);
    expect(await call({ sender: contents, senderFrame: null }, 'project:info', {})).toEqual(FORBIDDEN);
    contents.destroyed = true;
    expect(await call({ sender: contents, senderFrame: contents.mainFrame }, 'project:info', {})).toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses unknown channels without calling dispatch', async () => {
    const { contents, dispatch, call } = setup();
    const event = { sender: contents, senderFrame: contents.mainFrame };
    for (const channel of ['documents:drop', 'constructor', '__proto__', 42, null, undefined]) {
      expect(await call(event, channel, {}), String(channel)).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }) });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers NO_PROJECT while no project is open', async () => {
    const { contents, call } = setup({ dispatch: null });
    expect(await call({ sender: contents, senderFrame: contents.mainFrame }, 'project:info', {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NO_PROJECT' }),
    });
  });

  it('registers one handler and removes it', () => {
    const { ipcMain, remove } = setup();
    expect([...ipcMain.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    remove();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('isTrustedSender', () => {
  it('is false without a window', () => {
    const contents = new FakeWebContents();
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame }, null)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame }, contents)).toBe(true);
  });
});

describe('forwardEvents', () => {
  it('sends core events on claimdesk:event, and stops when unsubscribed or the window is gone', () => {
    const handlers = new Set<(name: string, payload: unknown) => void>();
    const source = {
      on(handler: (name: string, payload: unknown) => void) {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
    };
    const emit = (name: string, payload: unknown) => handlers.forEach((h) => h(name, payload));
    const contents = new FakeWebContents();
    const stop = forwardEvents(source, () => contents);
    emit('changed', { what: 'documents' });
    expect(contents.sent).toEqual([[EVENT_CHANNEL, 'changed', { what: 'documents' }]]);
    contents.destroyed = true;
    emit('changed', { what: 'history' });
    expect(contents.sent).toHaveLength(1);
    stop();
    expect(handlers.size).toBe(0);
  });
});

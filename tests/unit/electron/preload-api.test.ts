import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../shared/contract.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../main/electron/ipc-channels.ts';
import { createBridge, type IpcRendererLike } from '../../../main/electron/preload-api.ts';

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'done' })),
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
    },
  } satisfies IpcRendererLike;
  const fire = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({ sender: 'the ipcRenderer' }, ...args));
  return { ipc, fire, listeners };
}

describe('the preload bridge', () => {
  it('exposes invoke and onEvent only, frozen', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc, channelNames);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes a contract channel through claimdesk:invoke', async () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createBridge(ipc, channelNames);
    expect(await bridge.invoke('search:query', { query: 'denied' })).toEqual({ ok: true, value: 'done' });
    expect(ipc.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'search:query', { query: 'denied' });
  });

  it('refuses names outside the contract without sending anything', async () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createBridge(ipc, channelNames);
    for (const name of ['claimdesk:invoke', 'shell:openExternal', 'toString', '__proto__', '']) {
      expect(await bridge.invoke(name), name).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }) });
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const { ipc, fire, listeners } = fakeIpcRenderer();
    const bridge = createBridge(ipc, channelNames);
    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args) => seen.push(args));
    fire(EVENT_CHANNEL, 'progress', { jobId: 'j', phase: 'reading', done: 1, total: 2 });
    expect(seen).toEqual([['progress', { jobId: 'j', phase: 'reading', done: 1, total: 2 }]]);
    off();
    fire(EVENT_CHANNEL, 'changed', { what: 'documents' });
    expect(seen).toHaveLength(1);
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });

  it('rejects a handler that is not a function', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc, channelNames);
    expect(() => bridge.onEvent('alert(1)' as never)).toThrow(TypeError);
  });
});

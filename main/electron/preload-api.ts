/**
 * What the preload puts on `window.claimdesk`: two functions and nothing else. `ipcRenderer` itself
 * never reaches the page (it could send on any channel), and neither does the IPC event object (its
 * `sender` is the ipcRenderer). Channel names are checked against the contract's `channelNames` here
 * as well as in the main process, so a typo fails fast in the renderer.
 *
 * The names are passed in rather than imported: the build writes the contract's list into the
 * preload bundle, which keeps zod (and the schemas) out of a script that runs on every page load.
 * Kept apart from preload.ts (which imports electron) so that tests can run it with a fake.
 */
import type { Result } from '../../shared/result.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels.ts';

/** The API the renderer sees as `window.claimdesk`. */
export interface ClaimdeskBridge {
  /** Calls a contract channel; always resolves to a Result, never rejects for a domain error. */
  invoke(channel: string, input?: unknown): Promise<Result<unknown>>;
  /** Subscribes to core events (`progress`, `changed`, `menu`); returns the unsubscribe function. */
  onEvent(handler: (name: string, payload: unknown) => void): () => void;
}

/** The parts of Electron's `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: IpcRendererLike, channelNames: readonly string[]): ClaimdeskBridge {
  const known = new Set(channelNames);
  return Object.freeze({
    invoke(channel: string, input?: unknown): Promise<Result<unknown>> {
      if (typeof channel !== 'string' || !known.has(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel named "${String(channel)}".` },
        });
      }
      return ipc.invoke(INVOKE_CHANNEL, channel, input) as Promise<Result<unknown>>;
    },
    onEvent(handler: (name: string, payload: unknown) => void): () => void {
      if (typeof handler !== 'function') throw new TypeError('onEvent needs a function.');
      const listener = (_event: unknown, name: unknown, payload: unknown) => {
        if (typeof name === 'string') handler(name, payload);
      };
      ipc.on(EVENT_CHANNEL, listener);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, listener);
      };
    },
  });
}

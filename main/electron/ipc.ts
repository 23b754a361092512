/**
 * The one IPC door. The renderer calls `claimdesk:invoke` with a channel name and an input; the main
 * process checks who is calling, then hands the call to the core's `dispatch`, which validates it
 * against the contract. Events from the core go back on `claimdesk:event`.
 *
 * The sender check: only the main window's top frame, showing a page of the app origin, may call.
 * A subframe, another window, or a page that somehow navigated elsewhere gets FORBIDDEN.
 */
import { isChannelName } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import type { Dispatch } from '../core/dispatch.ts';
import { isAppUrl } from './app-origin.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels.ts';

export { EVENT_CHANNEL, INVOKE_CHANNEL };

/** The parts of Electron's `WebFrameMain` the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: FrameLike | null;
}

export interface SenderContents {
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
}

export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This call did not come from the Claimdesk window and was refused.' },
};

const noProject: Result<never> = {
  ok: false,
  error: { code: 'NO_PROJECT', message: 'No project is open. Open or create one from the File menu.' },
};

/** True when the call comes from the top frame of `contents`, showing an app page. */
export function isTrustedSender(event: InvokeEventLike, contents: SenderContents | null): boolean {
  if (contents === null || contents.isDestroyed()) return false;
  if (event.sender !== contents) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  const main = contents.mainFrame;
  const sameFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  return sameFrame && isAppUrl(frame.url);
}

export interface IpcOptions {
  /** The main window's web contents, or null while there is none. */
  getContents: () => SenderContents | null;
  /** The open project's dispatch, or null while no project is open. */
  getDispatch: () => Dispatch | null;
}

/** Registers the invoke handler; returns a function that removes it. */
export function registerIpc(ipcMain: IpcMainLike, options: IpcOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel, input) => {
    if (!isTrustedSender(event, options.getContents())) return forbidden;
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'There is no such channel.' } } as const;
    }
    const dispatch = options.getDispatch();
    if (dispatch === null) return noProject;
    return dispatch(channel, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export interface CoreEvents {
  on(handler: (name: string, payload: unknown) => void): () => void;
}

export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Pushes every core event to the window; returns the unsubscribe function. */
export function forwardEvents(source: CoreEvents, getTarget: () => EventSink | null): () => void {
  return source.on((name, payload) => sendEvent(getTarget(), name, payload));
}

/** Sends one event to the renderer, if the window is still there. */
export function sendEvent(target: EventSink | null, name: string, payload: unknown): void {
  if (target !== null && !target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload);
}

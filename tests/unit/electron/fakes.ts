/**
 * Fakes of the Electron objects the shell's modules take as parameters. They record what was
 * registered so that tests can fire events and inspect options, and they never load `electron`.
 */
/** Any listener: `never[]` parameters so that listeners of every signature fit. */
type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** A navigation-style event: records whether preventDefault was called. */
export function fakeEvent(fields: Record<string, unknown> = {}): { prevented: boolean; preventDefault(): void } & Record<string, unknown> {
  const event = {
    ...fields,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
}

export const frame = (url: string, ids: Partial<FakeFrame> = {}): FakeFrame => ({
  url,
  processId: 1,
  routingId: 1,
  parent: null,
  ...ids,
});

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: unknown[][] = [];
  destroyed = false;

  constructor(public mainFrame: FakeFrame = frame('app://claimdesk/index.html')) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = false;
  readonly options: Record<string, unknown>;

  constructor(options: object) {
    super();
    this.options = options as Record<string, unknown>;
    FakeBrowserWindow.created.push(this);
  }

  show(): void {
    this.shown = true;
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string | string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((wc: unknown, permission: string) => boolean) | null = null;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null = null;
  headersReceived: HeadersListener | null = null;

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }

  readonly webRequest = {
    onBeforeRequest: (listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersReceived = listener;
    },
  };

  /** Runs the onBeforeRequest hook for `url`; true when the request was cancelled. */
  cancels(url: string): boolean {
    let response: { cancel?: boolean } | undefined;
    this.beforeRequest?.({ url }, (r) => (response = r));
    if (response === undefined) throw new Error('onBeforeRequest did not answer');
    return response.cancel === true;
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();

  handle(channel: string, listener: (event: never, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener as (event: unknown, ...args: unknown[]) => Promise<unknown>);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  }
}

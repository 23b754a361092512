/**
 * A transport carries one call to the core and brings events back. Electron's preload exposes one as
 * `window.claimdesk`; in a browser the web host is reached over HTTP. Tests inject their own.
 */
import type { Result } from '../../../shared/result.ts';
import { createHttpTransport } from './http-transport.ts';

export interface Transport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to every event; returns the unsubscribe function. */
  onEvent(handler: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    claimdesk?: Transport;
  }
}

/** The placeholder the web host replaces with the per-run token. */
const TOKEN_PLACEHOLDER = '__CLAIMDESK_TOKEN__';

/** Electron's preload if present, otherwise HTTP to the host that served this page. */
export function pickTransport(win: Window = window): Transport {
  if (win.claimdesk) return win.claimdesk;
  const meta = win.document.querySelector<HTMLMetaElement>('meta[name="claimdesk-token"]');
  const token = meta?.content ?? '';
  return createHttpTransport({
    token: token === TOKEN_PLACEHOLDER ? '' : token,
    baseUrl: new URL('.', win.location.href).href,
  });
}

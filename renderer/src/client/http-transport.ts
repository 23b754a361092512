/**
 * The web host's protocol: `POST api/call/<channel>` with the token header and a wire-JSON body,
 * answered by a wire-JSON `Result`; events come over one EventSource (`api/events?token=`), opened
 * when the first handler subscribes and closed when the last one leaves.
 */
import type { Result } from '../../../shared/result.ts';
import { fromWire, toWire } from '../../../shared/wire.ts';
import type { Transport } from './transport.ts';

export interface HttpTransportOptions {
  token: string;
  /** Absolute URL of the page's directory, e.g. `http://127.0.0.1:5173/`. */
  baseUrl: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

const EVENT_NAMES = ['progress', 'changed'] as const;

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const handlers = new Set<(name: string, payload: unknown) => void>();
  let source: EventSource | null = null;

  const openEvents = () => {
    const ES = options.EventSource ?? globalThis.EventSource;
    if (!ES) return;
    const url = new URL('api/events', options.baseUrl);
    url.searchParams.set('token', options.token);
    source = new ES(url.href);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const handler of handlers) handler(name, payload);
      });
    }
  };

  return {
    async invoke(channel, input) {
      // Channel names are `domain:verb` from the contract; the colon travels as is.
      const url = new URL(`api/call/${channel}`, options.baseUrl);
      let response: Response;
      try {
        response = await doFetch(url.href, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Claimdesk-Token': options.token },
          body: toWire(input ?? {}),
        });
      } catch {
        return transportError('Claimdesk could not reach its local service. Is it still running?');
      }
      const text = await response.text();
      try {
        const body = fromWire(text);
        if (isResult(body)) return body;
      } catch {
        // Not JSON: fall through to a status-based message.
      }
      return transportError(`The local service answered ${response.status} ${response.statusText}.`.trim());
    },
    onEvent(handler) {
      handlers.add(handler);
      if (!source) openEvents();
      return () => {
        handlers.delete(handler);
        if (handlers.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

function transportError(message: string): Result<never> {
  return { ok: false, error: { code: 'TRANSPORT', message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  if (v.ok === false) {
    const e = v.error as { code?: unknown; message?: unknown } | undefined;
    return typeof e?.code === 'string' && typeof e.message === 'string';
  }
  return false;
}

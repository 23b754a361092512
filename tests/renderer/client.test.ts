import { describe, expect, it, vi } from 'vitest';
import { Client } from '../../renderer/src/client/client.ts';
import { createHttpTransport } from '../../renderer/src/client/http-transport.ts';
import { pickTransport, type Transport } from '../../renderer/src/client/transport.ts';
import { fromWire, toWire } from '../../shared/wire.ts';

const fakeTransport = (answer: unknown, events: [string, unknown][] = []): Transport => ({
  invoke: async () => answer as Awaited<ReturnType<Transport['invoke']>>,
  onEvent: (handler) => {
    for (const [name, payload] of events) handler(name, payload);
    return () => {};
  },
});

describe('Client', () => {
  it('passes values that match the contract and errors as they come', async () => {
    const ok = new Client(fakeTransport({ ok: true, value: ['Al-Fassel', 'Reuters'] }));
    expect(await ok.call('documents:outlets', {})).toEqual({ ok: true, value: ['Al-Fassel', 'Reuters'] });
    const failed = new Client(fakeTransport({ ok: false, error: { code: 'QUERY_SYNTAX', message: 'Unclosed quote.' } }));
    expect(await failed.call('search:query', { query: '"x' })).toEqual({
      ok: false,
      error: { code: 'QUERY_SYNTAX', message: 'Unclosed quote.' },
    });
  });

  it('turns an answer outside the contract into an error value', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = new Client(fakeTransport({ ok: true, value: [42] }));
    const result = await client.call('documents:outlets', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('BAD_RESPONSE');
    spy.mockRestore();
  });

  it('turns a throwing transport into an error value', async () => {
    const client = new Client({ invoke: () => Promise.reject(new Error('gone')), onEvent: () => () => {} });
    expect(await client.call('project:info', {})).toEqual({ ok: false, error: { code: 'TRANSPORT', message: 'gone' } });
  });

  it('delivers only the named event, and only payloads that match its schema', () => {
    const client = new Client(
      fakeTransport(null, [
        ['changed', { what: 'documents' }],
        ['progress', { jobId: 'j', phase: 'writing', done: 1, total: 2 }],
        ['changed', { what: 'everything' }],
      ]),
    );
    const seen: unknown[] = [];
    client.on('changed', (p) => seen.push(p));
    expect(seen).toEqual([{ what: 'documents' }]);
  });
});

describe('HTTP transport', () => {
  it('posts wire JSON with the token to api/call/<channel> and reads a wire result', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(toWire({ ok: true, value: { deleted: 1 } })));
    const transport = createHttpTransport({ token: 'secret', baseUrl: 'http://127.0.0.1:4000/', fetch: fetch as unknown as typeof globalThis.fetch });
    const data = new Uint8Array([1, 2, 255]);
    const result = await transport.invoke('documents:import', { jobId: 'j', files: [{ name: 'a.txt', data }] });

    expect(result).toEqual({ ok: true, value: { deleted: 1 } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:4000/api/call/documents:import');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'X-Claimdesk-Token': 'secret', 'Content-Type': 'application/json' });
    expect(fromWire(init.body as string)).toEqual({ jobId: 'j', files: [{ name: 'a.txt', data }] });
  });

  it('reports a refused or unreachable host as an error value', async () => {
    const refused = createHttpTransport({
      token: 't',
      baseUrl: 'http://127.0.0.1:4000/',
      fetch: (async () => new Response('Forbidden', { status: 403, statusText: 'Forbidden' })) as typeof globalThis.fetch,
    });
    expect(await refused.invoke('project:info', {})).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
    const down = createHttpTransport({
      token: 't',
      baseUrl: 'http://127.0.0.1:4000/',
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof globalThis.fetch,
    });
    expect(await down.invoke('project:info', {})).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
  });

  it('opens one event stream with the token, and closes it when the last handler leaves', () => {
    const opened: FakeEventSource[] = [];
    class FakeEventSource {
      listeners = new Map<string, (e: MessageEvent) => void>();
      closed = false;
      constructor(readonly url: string) {
        opened.push(this);
      }
      addEventListener(name: string, fn: (e: MessageEvent) => void) {
        this.listeners.set(name, fn);
      }
      close() {
        this.closed = true;
      }
    }
    const transport = createHttpTransport({
      token: 'a b',
      baseUrl: 'http://127.0.0.1:4000/',
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    const seen: [string, unknown][] = [];
    const off1 = transport.onEvent((n, p) => seen.push([n, p]));
    const off2 = transport.onEvent(() => {});
    expect(opened).toHaveLength(1);
    expect(opened[0]!.url).toBe('http://127.0.0.1:4000/api/events?token=a+b');
    opened[0]!.listeners.get('changed')!(new MessageEvent('changed', { data: '{"what":"documents"}' }));
    expect(seen).toEqual([['changed', { what: 'documents' }]]);
    off1();
    expect(opened[0]!.closed).toBe(false);
    off2();
    expect(opened[0]!.closed).toBe(true);
  });

  it('reads the token from the page, and prefers the Electron preload', async () => {
    document.head.innerHTML = '<meta name="claimdesk-token" content="tok123">';
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(toWire({ ok: true, value: [] })));
    await pickTransport(window).invoke('documents:outlets', {});
    expect(fetch.mock.calls[0]?.[1]?.headers).toMatchObject({ 'X-Claimdesk-Token': 'tok123' });
    fetch.mockRestore();

    const preload: Transport = { invoke: async () => ({ ok: true, value: null }), onEvent: () => () => {} };
    window.claimdesk = preload;
    expect(pickTransport(window)).toBe(preload);
    delete window.claimdesk;
  });
});

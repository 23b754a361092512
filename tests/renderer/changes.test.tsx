import { act, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { Client } from '../../renderer/src/client/client.ts';
import { ClientProvider } from '../../renderer/src/client/context.tsx';
import type { Transport } from '../../renderer/src/client/transport.ts';
import { ChangesProvider, ChangeStore, useBump, useChangeVersion, type ChangeKind } from '../../renderer/src/hooks/changes.tsx';

/** A transport whose `changed` events the test sends. */
function eventTransport() {
  const handlers = new Set<(name: string, payload: unknown) => void>();
  const transport: Transport = {
    invoke: async () => ({ ok: true, value: null }) as Awaited<ReturnType<Transport['invoke']>>,
    onEvent: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
  return { transport, send: (what: ChangeKind) => handlers.forEach((h) => h('changed', { what })) };
}

const renders: Record<string, number[]> = {};

function Watcher({ name, kinds }: { name: string; kinds: ChangeKind[] }) {
  const version = useChangeVersion(...kinds);
  useEffect(() => {
    (renders[name] ??= []).push(version);
  });
  return <p data-testid={name}>{version}</p>;
}

let bumpRef: ReturnType<typeof useBump> | null = null;
function Reporter() {
  bumpRef = useBump();
  (renders.reporter ??= []).push(0);
  return null;
}

function setup() {
  for (const k of Object.keys(renders)) delete renders[k];
  const { transport, send } = eventTransport();
  render(
    <ClientProvider client={new Client(transport)}>
      <ChangesProvider>
        <Reporter />
        <Watcher name="docs" kinds={['documents']} />
        <Watcher name="notes" kinds={['annotations', 'history']} />
      </ChangesProvider>
    </ClientProvider>,
  );
  return { send };
}

const shown = (name: string) => Number(screen.getByTestId(name).textContent);

describe('changes', () => {
  it('re-renders only the views that show what changed', async () => {
    const { send } = setup();
    const [docs0, notes0] = [shown('docs'), shown('notes')];
    act(() => send('annotations'));
    await waitFor(() => expect(shown('notes')).toBeGreaterThan(notes0));
    expect(shown('docs')).toBe(docs0);
    expect(renders.docs).toHaveLength(1);
    act(() => send('documents'));
    await waitFor(() => expect(shown('docs')).toBeGreaterThan(docs0));
    // A component that only reports changes never re-renders for them.
    expect(renders.reporter).toHaveLength(1);
  });

  it('hands out a burst of changes once (a write, its echo and its history event)', async () => {
    const { send } = setup();
    const before = renders.notes!.length;
    act(() => {
      bumpRef!(['annotations', 'history']);
      send('annotations');
      send('history');
    });
    await waitFor(() => expect(renders.notes!.length).toBe(before + 1));
    await new Promise((r) => setTimeout(r, 80));
    expect(renders.notes!.length).toBe(before + 1);
  });

  it('counts a change of the whole project for every view', async () => {
    const { send } = setup();
    const [docs0, notes0] = [shown('docs'), shown('notes')];
    act(() => send('project'));
    await waitFor(() => expect(shown('docs')).toBeGreaterThan(docs0));
    expect(shown('notes')).toBeGreaterThan(notes0);
  });
});

describe('ChangeStore', () => {
  it('loses nothing: a subscriber compares counters, so a change before it subscribed still counts', () => {
    const store = new ChangeStore();
    const seen = store.version(['documents']);
    store.bump('documents');
    store.flush();
    let heard = 0;
    store.subscribe(() => heard++);
    expect(store.version(['documents'])).toBe(seen + 1);
    store.bump('annotations');
    store.flush();
    expect(heard).toBe(1);
    expect(store.version(['documents'])).toBe(seen + 1);
    expect(store.version(['annotations'])).toBe(1);
    store.dispose();
  });

  it('bumps every kind when none is named', () => {
    const store = new ChangeStore();
    store.bump();
    store.flush();
    for (const k of ['documents', 'annotations', 'history'] as const) expect(store.version([k])).toBeGreaterThan(0);
    store.dispose();
  });
});

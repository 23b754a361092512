/**
 * A transport over the fake core that behaves like the real ones: input validated by the real
 * dispatcher, values through the wire encoding (bytes included), events delivered asynchronously.
 * Every call is recorded for assertions.
 */
import { createDispatch } from '../../../main/core/dispatch.ts';
import { fromWire, toWire } from '../../../shared/wire.ts';
import type { Transport } from '../../../renderer/src/client/transport.ts';
import type { FakeCore } from './fake-services.ts';

export interface FakeTransport extends Transport {
  calls: { channel: string; input: unknown }[];
  callsTo(channel: string): unknown[];
  /**
   * Holds the answers to `channel` (calls are still recorded) until the returned function is called;
   * with `only`, just the calls whose input it accepts, so that an older call can answer after a newer one.
   */
  hold(channel: string, only?: (input: unknown) => boolean): () => void;
}

export function createFakeTransport(core: FakeCore): FakeTransport {
  const dispatch = createDispatch(core.services, { stepOf: (id) => core.stepOf(id) });
  const handlers = new Set<(name: string, payload: unknown) => void>();
  core.emit = (name, payload) => {
    queueMicrotask(() => handlers.forEach((h) => h(name, payload)));
  };
  const calls: { channel: string; input: unknown }[] = [];
  const held = new Map<string, { until: Promise<void>; only: ((input: unknown) => boolean) | undefined }>();
  return {
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    hold(channel, only) {
      let release = () => {};
      held.set(channel, { until: new Promise<void>((resolve) => (release = resolve)), only });
      return () => {
        held.delete(channel);
        release();
      };
    },
    async invoke(channel, input) {
      const sent = fromWire(toWire(input));
      calls.push({ channel, input: sent });
      const hold = held.get(channel);
      if (hold && (!hold.only || hold.only(sent))) await hold.until;
      return fromWire(toWire(await dispatch(channel, sent))) as Awaited<ReturnType<Transport['invoke']>>;
    },
    onEvent(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}

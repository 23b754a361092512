/**
 * The renderer's one door to the core. Every answer is checked against the contract's output schema
 * (the largest first by a quicker check that accepts only what the schema accepts) before a
 * component sees it, so a core and renderer out of step fail loudly here, as a value, rather than
 * as a blank screen somewhere else. Events are checked against the contract's event schemas.
 */
import {
  channels,
  events,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
} from '../../../shared/contract.ts';
import type { Result, Step } from '../../../shared/result.ts';
import { quickCheck } from './quick-checks.ts';
import type { Transport } from './transport.ts';

export class Client {
  constructor(private readonly transport: Transport) {}

  async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    let result: Result<unknown>;
    try {
      result = await this.transport.invoke(channel, input);
    } catch (error) {
      return { ok: false, error: { code: 'TRANSPORT', message: messageOf(error) } };
    }
    if (!result.ok) return result;
    // The undo step the call made, if any, goes on with its value (a toast's Undo names it).
    const step = isStep(result.step) ? { step: { id: result.step.id, label: result.step.label } } : {};
    // The largest answers have a quicker check that only ever says yes to what the schema accepts
    // (quick-checks.ts); when it cannot say yes, the schema decides and explains.
    const quick = quickCheck(channel, result.value);
    if (quick !== undefined) return { ok: true, value: quick as ChannelOutput<C>, ...step };
    const parsed = channels[channel].output.safeParse(result.value);
    if (!parsed.success) {
      console.error(`Claimdesk: ${channel} answered outside the contract`, parsed.error.issues);
      return {
        ok: false,
        error: {
          code: 'BAD_RESPONSE',
          message: 'The core answered in a form this window does not understand. Restart Claimdesk.',
          details: parsed.error.issues,
        },
      };
    }
    return { ok: true, value: parsed.data as ChannelOutput<C>, ...step };
  }

  /** Subscribes to one event; payloads that do not match the contract are dropped. */
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
    return this.transport.onEvent((name, payload) => {
      if (name !== event) return;
      const parsed = events[event].safeParse(payload);
      if (parsed.success) handler(parsed.data as EventPayload<E>);
    });
  }
}

function isStep(value: unknown): value is Step {
  const s = value as Partial<Step> | null | undefined;
  return typeof s?.id === 'string' && typeof s.label === 'string';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'The call failed.';
}

/**
 * The one door: validates a call against the contract, runs the service, and maps whatever happens
 * to a `Result`. Electron IPC and the web host both call this, and hold no logic of their own.
 */
import { channels, isChannelName, type ServiceMap } from '../../shared/contract.ts';
import type { Result, Step } from '../../shared/result.ts';
import { toErrorInfo } from './errors.ts';
import { withStepScope } from './history/steps.ts';

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  log?: (e: unknown) => void;
  /**
   * Names the undo step a call opened (history/steps.ts), if it is still in effect once the call is
   * done (a merge that changed nothing rolls its step back); the call's answer carries it as `step`.
   */
  stepOf?: (groupId: string) => Step | null;
}

export function createDispatch(services: ServiceMap, { log, stepOf }: DispatchOptions = {}): Dispatch {
  return async (channel, input) => {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel named "${channel}".` } };
    }
    const parsed = channels[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
      return {
        ok: false,
        error: { code: 'VALIDATION', message: `Invalid input for ${channel}: ${issues.join('; ')}`, details: issues },
      };
    }
    try {
      const handler = services[channel] as (i: unknown) => Promise<unknown>;
      if (!stepOf) return { ok: true, value: await handler(parsed.data) };
      const { value, groupId } = await withStepScope(() => handler(parsed.data));
      const step = groupId === null ? null : stepOf(groupId);
      return step ? { ok: true, value, step } : { ok: true, value };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error, log) };
    }
  };
}

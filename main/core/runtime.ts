/**
 * What every service shares at run time: one lane for database work, the registry of cancellable
 * jobs, and the event emitter towards the renderer.
 *
 * better-sqlite3 is synchronous, but long jobs (imports) yield between chunks so that progress can be
 * reported and cancel can be heard, while their transaction stays open. The lane guarantees that no
 * other call runs on the connection in the meantime: calls wait their turn instead of landing inside
 * someone else's transaction.
 */
import type { EventName, EventPayload } from '../../shared/contract.ts';

const settled = (): void => undefined;

export class Lane {
  /**
   * Settles when the last queued call has. It never holds that call's result (an import report, a
   * page of search hits): only the caller's promise does, so nothing stays alive for the lane's sake.
   */
  private tail: Promise<void> = Promise.resolve();

  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.then(settled, settled);
    return next;
  }
}

export type EventHandler = (name: EventName, payload: unknown) => void;

export class Emitter {
  private readonly handlers = new Set<EventHandler>();

  on(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const h of this.handlers) {
      try {
        h(name, payload);
      } catch {
        // A broken listener must not break the action that emitted.
      }
    }
  }
}

export class Jobs {
  private readonly running = new Map<string, AbortController>();

  start(jobId: string): AbortSignal {
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return controller.signal;
  }

  finish(jobId: string): void {
    this.running.delete(jobId);
  }

  cancel(jobId: string): boolean {
    const c = this.running.get(jobId);
    if (!c) return false;
    c.abort();
    return true;
  }
}

/** Lets the event loop breathe (progress events flush, cancel requests arrive). */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

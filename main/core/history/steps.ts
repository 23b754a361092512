/**
 * Which undo step a call made. A toast's Undo must take back the step it announced, not whatever
 * is latest when it is clicked (an edit in another view, another window, the CLI): the dispatcher
 * runs each call in a scope where `OpLog.begin` notes the group it opens, and hands the step back
 * beside the call's value (`Result.step`); `history:undo { step }` then refuses when that step is no
 * longer the latest.
 *
 * AsyncLocalStorage, because a call's group may be opened after any number of awaits (the lane, an
 * import's slices) and calls queued on the lane interleave their awaits with it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ groupId: string | null }>();

/** Called by `OpLog.begin`: the group the current call opened (the last, if it opened several). */
export function noteGroup(groupId: string): void {
  const store = scope.getStore();
  if (store) store.groupId = groupId;
}

/** Runs one call and says which group, if any, it opened. */
export async function withStepScope<T>(run: () => Promise<T>): Promise<{ value: T; groupId: string | null }> {
  const store: { groupId: string | null } = { groupId: null };
  const value = await scope.run(store, run);
  return { value, groupId: store.groupId };
}

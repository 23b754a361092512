/**
 * The annotation screen's keys, wherever focus is in it (text, toolbar, panel), except in a text
 * field or a dialog: the one-key marks (on the pending selection, or changing the kind of the
 * selected annotation), Attribute and Link on the selected claim, Delete, and Escape (clear the
 * selection first; only then does Escape go back to the library).
 */
import type { KeyboardEvent } from 'react';
import { isTypingTarget } from '../keyboard/shortcuts.ts';
import { actionForKey, useKeymap } from './keymap.ts';
import { isClaimKind, type SpanKind } from './kinds.ts';
import type { SelectableItem } from './model.ts';

export interface WorkspaceKeyHandlers {
  pending: boolean;
  selected: SelectableItem | null;
  mark(kind: SpanKind): void;
  rekind(item: SelectableItem, kind: SpanKind): void;
  attribute(): void;
  link(): void;
  remove(item: SelectableItem): void;
  /** Escape: returns true if it cleared something. */
  escape(): boolean;
}

/** Whether a span of one kind may become another: within claims, or among the other kinds. */
export const canRekind = (from: SpanKind, to: SpanKind): boolean =>
  from !== to && from !== 'excluded' && to !== 'excluded' && isClaimKind(from) === isClaimKind(to);

export function useWorkspaceKeys(h: WorkspaceKeyHandlers): (e: KeyboardEvent) => void {
  const keymap = useKeymap();
  return (e) => {
    if (e.defaultPrevented || isTypingTarget(e.target)) return;
    if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
    if (e.key === 'Escape') {
      if (h.escape()) e.preventDefault();
      return;
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      if (h.selected && !h.pending) {
        e.preventDefault();
        h.remove(h.selected);
      }
      return;
    }
    const action = actionForKey(keymap, e.nativeEvent);
    if (!action) return;
    if (action.startsWith('mark:')) {
      const kind = action.slice(5) as SpanKind;
      if (h.pending) h.mark(kind);
      else if (h.selected && canRekind(h.selected.span.kind, kind)) h.rekind(h.selected, kind);
      else return;
    } else if (h.selected?.type === 'claim') {
      if (action === 'attribute') h.attribute();
      else h.link();
    } else return;
    e.preventDefault();
  };
}

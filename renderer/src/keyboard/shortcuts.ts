/**
 * The one shortcut table. The global handler, the grid's key handling and the Help dialog all read
 * it, so what Help lists is what the keys do.
 *
 * `Mod` is Ctrl, or Cmd on macOS. `whileTyping` says whether the shortcut also fires when focus is in
 * a text field (Escape does; `/` and Ctrl+Z must not, there they belong to the field).
 */
import type { PlainMessageKey } from '../i18n/t.ts';

export type ShortcutId = 'focusSearch' | 'help' | 'undo' | 'redo' | 'escape' | 'open' | 'move' | 'delete';

export interface Shortcut {
  id: ShortcutId;
  keys: readonly string[];
  label: PlainMessageKey;
  /** Where it applies: everywhere, or only with focus in the documents grid. */
  scope: 'global' | 'grid';
  whileTyping: boolean;
  /** Listed in Help but handled by the grid itself (arrow keys). */
  displayOnly?: boolean;
}

export const shortcuts: readonly Shortcut[] = [
  { id: 'focusSearch', keys: ['/'], label: 'shortcut.focusSearch', scope: 'global', whileTyping: false },
  { id: 'move', keys: ['ArrowUp', 'ArrowDown'], label: 'shortcut.move', scope: 'grid', whileTyping: false, displayOnly: true },
  { id: 'open', keys: ['Enter'], label: 'shortcut.open', scope: 'grid', whileTyping: false },
  { id: 'delete', keys: ['Delete'], label: 'shortcut.delete', scope: 'grid', whileTyping: false },
  { id: 'escape', keys: ['Escape'], label: 'shortcut.escape', scope: 'global', whileTyping: true },
  { id: 'undo', keys: ['Mod+Z'], label: 'shortcut.undo', scope: 'global', whileTyping: false },
  { id: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], label: 'shortcut.redo', scope: 'global', whileTyping: false },
  { id: 'help', keys: ['?'], label: 'shortcut.help', scope: 'global', whileTyping: false },
];

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Does this key spec (`Mod+Shift+Z`, `?`, `Enter`) match the event? */
export function matchesKey(spec: string, event: KeyLike): boolean {
  const parts = spec.split('+');
  const key = parts.pop() ?? '';
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  if (event.altKey) return false;
  if (mod !== (event.ctrlKey || event.metaKey)) return false;
  if (key.length === 1 && !/[a-z]/i.test(key)) {
    // Punctuation: the character itself says whether Shift was needed (`?` is Shift+/ on most layouts).
    return event.key === key;
  }
  if (shift !== event.shiftKey) return false;
  return event.key.toLowerCase() === key.toLowerCase();
}

export function matchShortcut(event: KeyLike, scope: Shortcut['scope'], typing: boolean): ShortcutId | null {
  for (const s of shortcuts) {
    if (s.scope !== scope || s.displayOnly) continue;
    if (typing && !s.whileTyping) continue;
    if (s.keys.some((k) => matchesKey(k, event))) return s.id;
  }
  return null;
}

/** True when keys belong to a text field (or an editable element), not to the app. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  }
  return false;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_NAMES: Record<string, string> = {
  Mod: isMac ? '⌘' : 'Ctrl',
  Shift: 'Shift',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  Delete: 'Delete',
  Enter: 'Enter',
};

/** Key spec as shown to a person: `Mod+Shift+Z` → ["Ctrl", "Shift", "Z"]. */
export function keyParts(spec: string): string[] {
  return spec.split('+').map((p) => KEY_NAMES[p] ?? p.toUpperCase());
}

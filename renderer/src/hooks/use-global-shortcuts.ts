/**
 * One keydown listener for the app's global shortcuts, driven by the shortcut table. Handlers that
 * are absent (e.g. Escape with nothing to go back to) let the key pass through untouched.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { isTypingTarget, matchShortcut, type ShortcutId } from '../keyboard/shortcuts.ts';

export type ShortcutHandlers = Partial<Record<ShortcutId, (event: KeyboardEvent) => boolean | void>>;

export function useGlobalShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const id = matchShortcut(event, 'global', isTypingTarget(event.target));
      const handler = id ? latest.current[id] : undefined;
      if (!handler) return;
      // A handler returns false when it did not use the key (e.g. Escape with nothing to close).
      if (handler(event) !== false) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

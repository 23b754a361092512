/**
 * Commands from the desktop shell's menu (`menu` events: Undo, Redo, Keyboard shortcuts). Undo and
 * Redo belong to the text field that has focus, if one has (the browser undoes the typing), and to
 * the project otherwise (`history:undo` / `history:redo`, which survive reloads).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EventPayload } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';
import { isTypingTarget } from '../keyboard/shortcuts.ts';

type Command = EventPayload<'menu'>['command'];

export function useMenuCommands(handlers: Record<Command, () => void>): void {
  const client = useClient();
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(
    () =>
      client.on('menu', ({ command }) => {
        if (command !== 'shortcuts' && isTypingTarget(document.activeElement)) {
          // The field's own undo stack: execCommand is the one way to reach it from script.
          if (typeof document.execCommand === 'function') document.execCommand(command);
          return;
        }
        latest.current[command]();
      }),
    [client],
  );
}

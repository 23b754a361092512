/**
 * One notification at a time at the bottom of the window, with an optional action ("Undo").
 * Announced politely to screen readers; it stays while hovered or focused.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Step } from '../../../shared/result.ts';
import { t } from '../i18n/t.ts';

interface ToastSpec {
  message: string;
  action?: { label: string; run: () => void };
}
interface Toasts {
  show(toast: ToastSpec): void;
}

/** Undo, of the step named (a call's `Result.step`) only while it is still the latest; without one, of the latest. */
export type UndoStep = (step?: Step) => void;

/** A toast's Undo for the step a call made. */
export const undoAction = (onUndo: UndoStep, step: Step | undefined): NonNullable<ToastSpec['action']> => ({
  label: t('toast.undo'),
  run: () => onUndo(step),
});

const ToastContext = createContext<Toasts | null>(null);
const VISIBLE_MS = 8000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<(ToastSpec & { key: number }) | null>(null);
  const [paused, setPaused] = useState(false);
  const counter = useRef(0);
  const show = useCallback((spec: ToastSpec) => setToast({ ...spec, key: ++counter.current }), []);
  const value = useMemo(() => ({ show }), [show]);

  useEffect(() => {
    if (!toast || paused) return;
    const timer = setTimeout(() => setToast(null), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast, paused]);

  return (
    <ToastContext value={value}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <div
            className="toast"
            key={toast.key}
            onMouseEnter={() => setPaused(true)}
            onMouseLeave={() => setPaused(false)}
            onFocus={() => setPaused(true)}
            onBlur={() => setPaused(false)}
          >
            <span className="toast-message">{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="button button-link"
                onClick={() => {
                  toast.action?.run();
                  setToast(null);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="icon-button" aria-label={t('toast.dismiss')} onClick={() => setToast(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </ToastContext>
  );
}

export function useToast(): Toasts {
  const toasts = useContext(ToastContext);
  if (!toasts) throw new Error('useToast outside ToastProvider');
  return toasts;
}

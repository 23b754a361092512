/**
 * Every modal dialog of the app (the annotation screen's, the shortcuts, your name): labelled by its
 * title, focus moved in on open (to `initialFocus` or the first control) and back where it was on
 * close, Tab kept inside, Escape and a click on the backdrop close it. `actions` sit in the header
 * beside the title (the shortcuts' Close).
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  initialFocus?: RefObject<HTMLElement | null>;
  size?: 'small' | 'wide';
  className?: string;
  actions?: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Modal({ title, onClose, children, initialFocus, size, className, actions }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const previous = document.activeElement;
    const target = initialFocus?.current ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
    };
    // Focus moves in once, when the dialog opens.
  }, []);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={['modal', size && `modal-${size}`, className].filter(Boolean).join(' ')}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !e.defaultPrevented) {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Tab') {
            const all = Array.from(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
            const first = all[0];
            const last = all.at(-1);
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last?.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first?.focus();
            }
          }
        }}
      >
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          {actions}
        </header>
        {children}
      </div>
    </div>
  );
}

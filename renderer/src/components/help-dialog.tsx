/** The keyboard shortcuts, listed from the same table the handlers use. */
import { Fragment, useEffect, useRef } from 'react';
import { t } from '../i18n/t.ts';
import { keyParts, shortcuts } from '../keyboard/shortcuts.ts';

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Tab') {
            // The close button is the only control: keep focus inside the dialog.
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <header className="modal-header">
          <h2 id="help-title">{t('help.title')}</h2>
          <button ref={closeRef} type="button" className="button" onClick={onClose}>
            {t('help.close')}
          </button>
        </header>
        <table className="shortcut-table">
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.id}>
                <td className="shortcut-keys">
                  {s.keys.map((spec, i) => (
                    <Fragment key={spec}>
                      {i > 0 && <span className="shortcut-or"> {t('help.or')} </span>}
                      {keyParts(spec).map((part, j) => (
                        <Fragment key={j}>
                          {j > 0 && '+'}
                          <kbd>{part}</kbd>
                        </Fragment>
                      ))}
                    </Fragment>
                  ))}
                </td>
                <td>{t(s.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

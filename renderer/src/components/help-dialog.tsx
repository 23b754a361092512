/** The keyboard shortcuts, listed from the same tables the handlers use (and the analyst's remapped annotation keys). */
import { Fragment, useEffect, useRef, useState } from 'react';
import { AnnotateShortcuts } from '../annotate/annotate-shortcuts.tsx';
import { KeysDialog } from '../annotate/keys-dialog.tsx';
import { t } from '../i18n/t.ts';
import { keyParts, shortcuts } from '../keyboard/shortcuts.ts';

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const [editingKeys, setEditingKeys] = useState(false);

  useEffect(() => {
    const previous = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  useEffect(() => {
    if (!editingKeys) closeRef.current?.focus();
  }, [editingKeys]);

  if (editingKeys) return <KeysDialog onClose={() => setEditingKeys(false)} />;

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
            // Keep focus inside the dialog: its only controls are Close and the annotation keys button.
            const controls = Array.from(e.currentTarget.querySelectorAll('button'));
            const at = controls.indexOf(document.activeElement as HTMLButtonElement);
            e.preventDefault();
            controls[(at + (e.shiftKey ? -1 : 1) + controls.length) % controls.length]?.focus();
          }
        }}
      >
        <header className="modal-header">
          <h2 id="help-title">{t('help.title')}</h2>
          <button ref={closeRef} type="button" className="button" onClick={onClose}>
            {t('help.close')}
          </button>
        </header>
        <h3 className="shortcut-heading">{t('help.general')}</h3>
        <table className="shortcut-table" aria-label={t('help.general')}>
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
        <AnnotateShortcuts onChangeKeys={() => setEditingKeys(true)} />
      </div>
    </div>
  );
}

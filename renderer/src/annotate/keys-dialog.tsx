/**
 * Remapping the annotation keys: one field per action, one letter or digit each, no key twice.
 * Saved to localStorage (keymap.ts) and used at once by the toolbar, the text and Help.
 */
import { useState, type FormEvent } from 'react';
import { t } from '../i18n/t.ts';
import { ACTIONS, DEFAULT_KEYMAP, keymapProblem, saveKeymap, useKeymap, type AnnotateAction, type Keymap } from './keymap.ts';
import { KINDS } from './kinds.ts';
import { Modal } from '../components/modal.tsx';

export function actionLabel(action: AnnotateAction): string {
  if (action === 'attribute') return t('action.attribute');
  if (action === 'link') return t('action.link');
  const kind = KINDS.find((k) => `mark:${k.kind}` === action)!;
  return t('keys.markAs', { kind: t(kind.label) });
}

export function KeysDialog({ onClose }: { onClose(): void }) {
  const current = useKeymap();
  const [draft, setDraft] = useState<Keymap>(current);
  const problem = keymapProblem(draft);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    saveKeymap(draft);
    onClose();
  };

  return (
    <Modal title={t('keys.title')} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit}>
        <p className="muted">{t('keys.intro')}</p>
        <div className="keys-grid">
          {ACTIONS.map((action) => (
            <label key={action} className="keys-row">
              <span>{actionLabel(action)}</span>
              <input
                className="key-input"
                value={draft[action]}
                maxLength={1}
                aria-invalid={problem?.action === action || undefined}
                onFocus={(e) => e.currentTarget.select()}
                onChange={(e) => setDraft({ ...draft, [action]: e.target.value.slice(-1).toUpperCase() })}
              />
            </label>
          ))}
        </div>
        {problem && (
          <p className="field-error" role="alert">
            {problem.reason === 'invalid' ? t('keys.invalid') : t('keys.duplicate', { key: draft[problem.action] })}
          </p>
        )}
        <div className="form-actions dialog-actions">
          <button type="submit" className="button button-primary" disabled={problem !== null}>{t('keys.save')}</button>
          <button type="button" className="button" onClick={() => setDraft(DEFAULT_KEYMAP)}>{t('keys.reset')}</button>
          <button type="button" className="button" onClick={onClose}>{t('keys.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}

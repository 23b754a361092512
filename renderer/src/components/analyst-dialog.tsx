/**
 * The analyst's name: what the history says beside everything they do, and the creator of the packs
 * they export. A project starts with the computer's user name ("root" on a shared machine tells a
 * colleague nothing), so it can be changed here; the core renames the analyst everywhere at once.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient } from '../client/context.tsx';
import { t } from '../i18n/t.ts';
import { Modal } from './modal.tsx';

export function AnalystDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // The modal has focused the field (its effect runs first): the name is selected, to be typed over.
  useEffect(() => input.current?.select(), []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (value.trim() === name) return onClose();
    setSaving(true);
    setError(null);
    const result = await client.call('project:setAnalystName', { name: value });
    setSaving(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  return (
    <Modal title={t('analyst.title')} onClose={onClose} initialFocus={input} size="small" className="analyst-dialog">
      <form onSubmit={(e) => void save(e)}>
        <label className="field">
          <span>{t('analyst.label')}</span>
          <input ref={input} type="text" value={value} maxLength={200} dir="auto" onChange={(e) => setValue(e.target.value)} aria-describedby="analyst-hint" />
        </label>
        <p id="analyst-hint" className="muted">
          {t('analyst.hint')}
        </p>
        {error && (
          <p className="pack-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving || value.trim() === ''}>
            {t('analyst.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('analyst.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * Possible duplicate sources ("Hezbollah" / "Hizbullah"), as the core suggests them with a reason
 * and a score. Merging is always the analyst's choice, including which record to keep; it is one
 * undoable action, offered again in the toast.
 */
import { useId, useState } from 'react';
import type { DuplicateSuggestion } from '../../../shared/review-schemas.ts';
import { useClient } from '../client/context.tsx';
import { undoAction, useToast, type UndoStep } from '../components/toast.tsx';
import { useChanges } from '../hooks/changes.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';

interface Props {
  onUndo: UndoStep;
  onMerged: (keptId: string) => void;
}

function Suggestion({ s, onUndo, onMerged }: { s: DuplicateSuggestion } & Props) {
  const client = useClient();
  const toast = useToast();
  const { bump } = useChanges();
  const [open, setOpen] = useState(false);
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const kept = keep === 'a' ? { id: s.a, name: s.aName } : { id: s.b, name: s.bName };
  const gone = keep === 'a' ? { id: s.b, name: s.bName } : { id: s.a, name: s.aName };

  const merge = async () => {
    const result = await client.call('sources:merge', { keepId: kept.id, mergeId: gone.id });
    if (!result.ok) return setError(t('sources.mergeError', { message: result.error.message }));
    bump();
    onMerged(kept.id);
    toast.show({ message: t('sources.merged', { gone: gone.name, kept: kept.name }), action: undoAction(onUndo, result.step) });
  };

  return (
    <li className="dupe">
      <div className="dupe-names" dir="auto">
        <strong>{s.aName}</strong> <span className="muted">↔</span> <strong>{s.bName}</strong>
      </div>
      <p className="muted dupe-reason">
        {s.reason} · {t('sources.dupeScore', { score: s.score.toFixed(2) })}
      </p>
      {!open ? (
        <button type="button" className="button button-small" onClick={() => setOpen(true)}>
          {t('sources.merge')}
        </button>
      ) : (
        <form
          className="dupe-merge"
          onSubmit={(e) => {
            e.preventDefault();
            void merge();
          }}
        >
          <fieldset>
            <legend>{t('sources.mergeKeep')}</legend>
            <label>
              <input type="radio" name={name} checked={keep === 'a'} onChange={() => setKeep('a')} /> <span dir="auto">{s.aName}</span>
            </label>
            <label>
              <input type="radio" name={name} checked={keep === 'b'} onChange={() => setKeep('b')} /> <span dir="auto">{s.bName}</span>
            </label>
          </fieldset>
          <p className="muted">{t('sources.mergeHint')}</p>
          <div className="dupe-actions">
            <button type="submit" className="button button-primary">
              {t('sources.mergeConfirm', { name: kept.name })}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('edit.cancel')}
            </button>
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

export function DuplicatesPanel({ onUndo, onMerged }: Props) {
  const client = useClient();
  const { version } = useChanges();
  const dupes = useQuery(() => client.call('sources:duplicates', { limit: 50 }), [client, version]);
  return (
    <section className="dupes" aria-labelledby="dupes-title">
      <h2 id="dupes-title">{t('sources.dupes')}</h2>
      {dupes.error && (
        <p className="status-error" role="alert">
          {dupes.error.message}
        </p>
      )}
      {dupes.data?.length === 0 && <p className="muted">{t('sources.dupesNone')}</p>}
      <ul className="dupe-list">
        {dupes.data?.map((s) => <Suggestion key={`${s.a}:${s.b}`} s={s} onUndo={onUndo} onMerged={onMerged} />)}
      </ul>
    </section>
  );
}

/**
 * Editing a claim from the grid: its status (an override needs a reason, which the log keeps; the
 * derived status can always be restored) and its tags (from the codebook, or a new tag typed in).
 * Each change is its own undoable action in the operation log.
 */
import { useEffect, useId, useState } from 'react';
import { CLAIM_STATUSES, type Claim, type DocumentAnnotations, type Tag } from '../../../shared/annotation-schemas.ts';
import { useClient } from '../client/context.tsx';
import { t } from '../i18n/t.ts';
import { EditForm, typedKey, useCommit, type EditorProps } from './edit-form.tsx';
import { statusLabel } from './review-cells.tsx';

function useAnnotations(documentId: string): DocumentAnnotations | null {
  const client = useClient();
  const [data, setData] = useState<DocumentAnnotations | null>(null);
  useEffect(() => {
    let live = true;
    void client.call('annotations:get', { documentId }).then((r) => live && r.ok && setData(r.value));
    return () => {
      live = false;
    };
  }, [client, documentId]);
  return data;
}

export function StatusEditor(props: EditorProps) {
  const client = useClient();
  const row = props.data;
  const annotations = useAnnotations(row.documentId);
  const claim = annotations?.claims.find((c) => c.id === row.claimId) ?? null;
  const [choice, setChoice] = useState<Claim['status'] | 'derived' | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, commit } = useCommit(props);
  const name = useId();
  const reasonId = useId();
  const overridden = claim ? claim.overrideReason !== null : false;
  const picked = choice ?? (claim ? (overridden ? claim.status : 'derived') : null);

  useEffect(() => {
    if (claim?.overrideReason) setReason(claim.overrideReason);
  }, [claim?.overrideReason]);

  const save = () => {
    if (!picked) return;
    const status = picked === 'derived' ? null : picked;
    return commit(
      () => client.call('claims:override', { id: row.claimId, status, ...(status !== null && { reason }) }),
      () => t('edit.saved', { label: `${t('review.col.status')} ${statusLabel(status ?? claim?.derivedStatus ?? row.status)}` }),
    );
  };

  return (
    <EditForm
      title={t('edit.statusTitle')}
      busy={busy || claim === null}
      error={error}
      onSave={() => void save()}
      onCancel={() => props.api.stopEditing(true)}
    >
      <p className="cell-editor-quote" dir="auto">
        “{row.claimText}”
      </p>
      <fieldset className="grade-choices">
        <legend className="visually-hidden">{t('edit.statusTitle')}</legend>
        <label className="grade-choice wide">
          <input type="radio" name={name} checked={picked === 'derived'} onChange={() => setChoice('derived')} autoFocus />
          <span>{t('edit.statusDerived', { status: claim ? statusLabel(claim.derivedStatus) : '…' })}</span>
        </label>
        <span className="muted cell-editor-sub">{t('edit.statusOverride')}</span>
        {CLAIM_STATUSES.map((s) => (
          <label key={s} className="grade-choice wide">
            <input type="radio" name={name} checked={picked === s} onChange={() => setChoice(s)} />
            <span>{statusLabel(s)}</span>
          </label>
        ))}
      </fieldset>
      {picked !== 'derived' && (
        <label className="cell-editor-field" htmlFor={reasonId}>
          {t('edit.reason')}
          <input id={reasonId} value={reason} placeholder={t('edit.statusReasonNeeded')} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
    </EditForm>
  );
}

export function TagsEditor(props: EditorProps) {
  const client = useClient();
  const row = props.data;
  const annotations = useAnnotations(row.documentId);
  const [codebook, setCodebook] = useState<Tag[] | null>(null);
  const [checked, setChecked] = useState<Set<string> | null>(null);
  // Typing filters the codebook; a name it does not hold yet becomes a new tag on Save.
  const [fresh, setFresh] = useState(typedKey(props) ?? '');
  const { busy, error, commit } = useCommit(props);
  const freshId = useId();
  const current = annotations?.spans.find((s) => s.id === row.claimId)?.tagIds ?? null;
  const needle = fresh.trim().toLowerCase();
  const exists = (codebook ?? []).some((tag) => tag.name.toLowerCase() === needle);
  const newName = needle && !exists ? fresh.trim() : '';
  const shown = (codebook ?? []).filter((tag) => !needle || checked?.has(tag.id) || tag.name.toLowerCase().includes(needle));

  useEffect(() => {
    void client.call('tags:list', {}).then((r) => r.ok && setCodebook(r.value));
  }, [client]);
  useEffect(() => {
    if (current && checked === null) setChecked(new Set(current));
  }, [current, checked]);

  const save = () => {
    if (!current || !checked) return;
    const add = [...checked].filter((id) => !current.includes(id));
    const remove = current.filter((id) => !checked.has(id));
    const match = (codebook ?? []).find((tag) => tag.name.toLowerCase() === needle);
    if (match && !checked.has(match.id) && !current.includes(match.id)) add.push(match.id);
    const names = new Map((codebook ?? []).map((tag) => [tag.id, tag.name]));
    const label = [...add.map((id) => `+${names.get(id)}`), ...remove.map((id) => `−${names.get(id)}`), ...(newName ? [`+${newName}`] : [])];
    return commit(
      // One call, one undo step: the toast's Undo takes back the whole edit.
      () => client.call('tags:set', { spanId: row.claimId, add, remove, create: newName ? [newName] : [] }),
      () => t('edit.saved', { label: `${t('review.col.tags')} ${label.join(' ') || '='}` }),
    );
  };

  return (
    <EditForm
      title={t('edit.tagsTitle')}
      busy={busy || checked === null || codebook === null}
      error={error}
      onSave={() => void save()}
      onCancel={() => props.api.stopEditing(true)}
    >
      <label className="cell-editor-field" htmlFor={freshId}>
        {t('edit.tagsNew')}
        <input id={freshId} value={fresh} autoFocus onChange={(e) => setFresh(e.target.value)} />
      </label>
      {codebook?.length === 0 && <p className="muted">{t('edit.tagsNone')}</p>}
      <div className="tag-choices">
        {shown.map((tag) => (
          <label key={tag.id} className="tag-choice">
            <input
              type="checkbox"
              checked={checked?.has(tag.id) ?? false}
              disabled={checked === null}
              onChange={(e) =>
                setChecked((prev) => {
                  const next = new Set(prev);
                  if (e.target.checked) next.add(tag.id);
                  else next.delete(tag.id);
                  return next;
                })
              }
            />
            <span dir="auto">{tag.name}</span>
          </label>
        ))}
      </div>
    </EditForm>
  );
}

/**
 * One source, chosen in the Sources grid: its reliability grade (changed with a reason, with the
 * history of who graded it when and why) and every claim attributed to it, each opening its
 * document at the claim.
 */
import { useId, useState } from 'react';
import { RELIABILITY, RELIABILITY_MEANING, type Source } from '../../../shared/annotation-schemas.ts';
import { useClient } from '../client/context.tsx';
import { undoAction, useToast, type UndoStep } from '../components/toast.tsx';
import { DocumentTitle } from '../components/document-title.tsx';
import { useChanges } from '../hooks/changes.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';
import { formatTimestamp } from '../lib/format.ts';
import { StatusPill } from './review-cells.tsx';

interface Props {
  id: string;
  onOpen: (documentId: string, claimId: string) => void;
  onUndo: UndoStep;
}

function GradeForm({ source, onUndo }: { source: Source; onUndo: UndoStep }) {
  const client = useClient();
  const toast = useToast();
  const { bump } = useChanges();
  const [grade, setGrade] = useState<string>(source.reliability ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const gradeId = useId();
  const reasonId = useId();
  const unchanged = grade === (source.reliability ?? '');

  const save = async () => {
    const result = await client.call('sources:grade', { id: source.id, grade: (grade || null) as Source['reliability'], reason });
    if (!result.ok) return setError(t('edit.refused', { message: result.error.message }));
    setError(null);
    setReason('');
    bump();
    toast.show({
      message: t('edit.graded', { source: source.name, grade: grade || t('edit.ungraded').toLowerCase() }),
      action: undoAction(onUndo, result.step),
    });
  };

  return (
    <form
      className="grade-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={gradeId}>{t('sources.grade')}</label>
      <select id={gradeId} value={grade} onChange={(e) => setGrade(e.target.value)}>
        <option value="">{t('edit.ungraded')}</option>
        {RELIABILITY.map((g) => (
          <option key={g} value={g}>
            {g}: {RELIABILITY_MEANING[g]}
          </option>
        ))}
      </select>
      <input id={reasonId} aria-label={t('edit.reason')} placeholder={t('edit.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className={unchanged ? 'button' : 'button button-primary'} disabled={unchanged}>
        {t('sources.gradeSave')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

export function SourceDetail({ id, onOpen, onUndo }: Props) {
  const client = useClient();
  const { version } = useChanges();
  const source = useQuery(() => client.call('sources:get', { id }), [client, id, version]);
  const claims = useQuery(() => client.call('sources:claims', { id, limit: 500 }), [client, id, version]);
  const s = source.data;

  return (
    <section className="source-detail" aria-label={s ? t('sources.claimsOf', { source: s.name }) : undefined}>
      {source.error && (
        <p className="status-error" role="alert">
          {source.error.message}
        </p>
      )}
      {s && (
        <div className="source-side">
          <h2 dir="auto">{s.name}</h2>
          <p className="muted">
            {s.type}
            {s.affiliation && <> · {s.affiliation}</>}
            {s.aliases.length > 0 && <> · {s.aliases.join(', ')}</>}
          </p>
          <GradeForm key={`${s.id}:${s.revision}`} source={s} onUndo={onUndo} />
          <h3>{t('sources.gradeHistory')}</h3>
          {s.grades.length === 0 ? (
            <p className="muted">{t('sources.gradeNoHistory')}</p>
          ) : (
            <ol className="grade-history">
              {[...s.grades].reverse().map((g, i) => (
                <li key={i}>
                  <span>
                    {t('sources.gradeEntry', { grade: g.grade ?? t('sources.gradeUngraded'), analyst: g.analyst, time: formatTimestamp(g.at) })}
                  </span>
                  {g.reason && (
                    <span className="muted" dir="auto">
                      {' '}
                      — {g.reason}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      <div className="source-claims">
        {s && <h3>{t('sources.claimsOf', { source: s.name })}</h3>}
        {claims.data?.length === 0 && <p className="muted">{t('sources.claimsNone')}</p>}
        <ul className="claim-list">
          {claims.data?.map((r) => (
            <li key={r.attributionId}>
              <button type="button" className="claim-link" onClick={() => onOpen(r.documentId, r.claimId)}>
                <q dir="auto">{r.claimText}</q>
              </button>
              <span className="claim-meta">
                <StatusPill status={r.status} />
                {r.rating && <span className="rating">{r.rating}</span>}
                <span className="muted" dir="auto">
                  <DocumentTitle title={r.document} lead={r.lead} language={r.language} />
                  {r.published && ` · ${r.published}`}
                  {r.channel && ` · ${r.channel}`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

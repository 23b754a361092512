/**
 * A claim's status, derived from its links, and the analyst's override of it, which the core only
 * accepts with a reason (kept in the history). Clearing an override needs no reason.
 */
import { useId, useState, type FormEvent } from 'react';
import { CLAIM_STATUSES, type Claim } from '../../../shared/annotation-schemas.ts';
import { t } from '../i18n/t.ts';
import type { Call } from './use-annotate-actions.ts';

export function StatusOverride({ claim, call }: { claim: Claim; call: Call }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<Claim['status']>(claim.status);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const overridden = claim.overrideReason !== null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!reason.trim()) return;
    if (await call('claims:override', { id: claim.id, status, reason: reason.trim() })) {
      setEditing(false);
      setReason('');
      setTried(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('detail.status')}</h3>
      <p className="status-line">
        <span className={`ann-status ann-status-${claim.status}`}>{t(`annotate.status.${claim.status}`)}</span>{' '}
        <span className="muted" dir="auto">
          {overridden
            ? t('detail.overridden', { derived: t(`annotate.status.${claim.derivedStatus}`), reason: claim.overrideReason ?? '' })
            : t('detail.derived')}
        </span>
      </p>
      {!editing && (
        <div className="form-actions">
          <button type="button" className="button button-small" onClick={() => { setStatus(claim.status); setEditing(true); }}>
            {t('detail.override')}
          </button>
          {overridden && (
            <button type="button" className="button button-small" onClick={() => void call('claims:override', { id: claim.id, status: null })}>
              {t('detail.clearOverride')}
            </button>
          )}
        </div>
      )}
      {editing && (
        <form className="override-form" onSubmit={(e) => void save(e)} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setEditing(false))}>
          <label className="field">
            <span>{t('detail.overrideStatus')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as Claim['status'])}>
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`annotate.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('detail.overrideReason')}</span>
            <input
              value={reason}
              dir="auto"
              aria-invalid={tried && !reason.trim() ? true : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            {tried && !reason.trim() && <span className="field-error">{t('detail.reasonRequired')}</span>}
          </label>
          <div className="form-actions">
            <button type="submit" className="button button-primary button-small">
              {t('detail.save')}
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(false)}>
              {t('detail.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * Admiralty grades edited in place, each grade with its meaning in the picker and on hover: the
 * source's reliability (A-F, `sources:grade`, which keeps a reason in the grade history, so the
 * reason is asked before saving) and the information's credibility on one attribution (1-6).
 */
import { useId, useState, type FormEvent } from 'react';
import {
  CREDIBILITY_MEANING,
  RELIABILITY,
  RELIABILITY_MEANING,
  type Attribution,
  type Source,
} from '../../../shared/annotation-schemas.ts';
import { t } from '../i18n/t.ts';
import type { Call } from './use-annotate-actions.ts';

const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;

export function ReliabilityPicker({ source, call }: { source: Source; call: Call }) {
  const id = useId();
  const [pending, setPending] = useState<Source['reliability'] | undefined>(undefined);
  const [reason, setReason] = useState('');
  const shown = pending === undefined ? source.reliability : pending;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (pending === undefined || !reason.trim()) return;
    const done = await call('sources:grade', { id: source.id, grade: pending, reason: reason.trim() });
    if (done) {
      setPending(undefined);
      setReason('');
    }
  };

  return (
    <div className="ann-grade">
      <label className="ann-grade-field" title={shown ? RELIABILITY_MEANING[shown] : undefined}>
        <span>{t('attr.reliability')}</span>
        <select
          value={shown ?? ''}
          onChange={(e) => setPending(e.target.value === '' ? null : (e.target.value as Source['reliability']))}
        >
          <option value="">{t('attr.notGraded')}</option>
          {RELIABILITY.map((g) => (
            <option key={g} value={g}>
              {t('grade.option', { grade: g, meaning: RELIABILITY_MEANING[g] })}
            </option>
          ))}
        </select>
      </label>
      {pending !== undefined && pending !== source.reliability && (
        <form className="ann-grade-reason" onSubmit={(e) => void save(e)}>
          <label htmlFor={`${id}-reason`}>{t('grade.reason', { grade: pending ?? t('attr.notGraded') })}</label>
          <input id={`${id}-reason`} value={reason} dir="auto" autoFocus required onChange={(e) => setReason(e.target.value)} />
          <div className="form-actions">
            <button type="submit" className="button button-primary button-small" disabled={!reason.trim()}>
              {t('grade.save')}
            </button>
            <button type="button" className="button button-small" onClick={() => setPending(undefined)}>
              {t('detail.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

export function CredibilityPicker({ attribution, call }: { attribution: Attribution; call: Call }) {
  const value = attribution.credibility;
  return (
    <label className="ann-grade-field" title={value ? CREDIBILITY_MEANING[value as keyof typeof CREDIBILITY_MEANING] : undefined}>
      <span>{t('attr.credibility')}</span>
      <select
        value={value ?? ''}
        onChange={(e) =>
          void call('attributions:update', {
            id: attribution.id,
            revision: attribution.revision,
            patch: { credibility: e.target.value === '' ? null : Number(e.target.value) },
          })
        }
      >
        <option value="">{t('attr.notGraded')}</option>
        {CREDIBILITY.map((g) => (
          <option key={g} value={g}>
            {t('grade.option', { grade: g, meaning: CREDIBILITY_MEANING[g] })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The credibility options, for the Attribute dialog. */
export function CredibilityOptions() {
  return (
    <>
      <option value="">{t('attribute.notGraded')}</option>
      {CREDIBILITY.map((g) => (
        <option key={g} value={g}>
          {t('grade.option', { grade: g, meaning: CREDIBILITY_MEANING[g] })}
        </option>
      ))}
    </>
  );
}

/**
 * Editing the two halves of an Admiralty rating in the grid. Reliability (A-F) belongs to the
 * source, so grading it changes every row of that source, which the editor says with the count;
 * it asks why (the reason goes into the grade history). Credibility (1-6) belongs to this one
 * attribution and is saved with the attribution's revision, read from the document's annotations.
 *
 * What the analyst types is sent as typed: the core's validation decides, and a refusal ("G", "7")
 * is shown in the popup with nothing saved.
 */
import { useEffect, useId, useState } from 'react';
import {
  CREDIBILITY_MEANING,
  RELIABILITY,
  RELIABILITY_MEANING,
  type Attribution,
  type Source,
} from '../../../shared/annotation-schemas.ts';
import { useClient } from '../client/context.tsx';
import { t } from '../i18n/t.ts';
import { EditForm, refusedField, typedKey, useCommit, type EditorProps } from './edit-form.tsx';

const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;

interface Choice {
  value: string;
  label: string;
  meaning: string;
}

function Choices({ choices, value, onPick, legend }: { choices: Choice[]; value: string; onPick: (v: string) => void; legend: string }) {
  const name = useId();
  return (
    <fieldset className="grade-choices">
      <legend className="visually-hidden">{legend}</legend>
      {choices.map((c) => (
        <label key={c.value || 'none'} className="grade-choice">
          <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onPick(c.value)} />
          <span className="grade-letter">{c.label}</span> <span className="muted">{c.meaning}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function ReliabilityEditor(props: EditorProps) {
  const client = useClient();
  const row = props.data;
  const [grade, setGrade] = useState(typedKey(props) ?? row.reliability ?? '');
  const [reason, setReason] = useState('');
  const [usage, setUsage] = useState<number | null>(null);
  const { busy, error, commit } = useCommit(props);
  const inputId = useId();
  const reasonId = useId();

  useEffect(() => {
    let live = true;
    void client.call('sources:get', { id: row.sourceId }).then((r) => {
      if (live && r.ok) setUsage(r.value.usage.attributions);
    });
    return () => {
      live = false;
    };
  }, [client, row.sourceId]);

  const choices: Choice[] = [
    ...RELIABILITY.map((g) => ({ value: g, label: g, meaning: RELIABILITY_MEANING[g] })),
    { value: '', label: '–', meaning: t('edit.ungraded') },
  ];
  const typed = grade.trim().toUpperCase();
  const save = () =>
    commit(
      // Sent as typed: the core's validation is the judge of what a grade is.
      () => client.call('sources:grade', { id: row.sourceId, grade: (typed === '' ? null : typed) as Source['reliability'], reason }),
      () => t('edit.graded', { source: row.source, grade: typed || t('edit.ungraded').toLowerCase() }),
      (e) => (refusedField(e, 'grade') ? t('edit.reliabilityBad', { value: grade.trim() }) : null),
    );

  return (
    <EditForm
      title={t('edit.reliabilityTitle', { source: row.source })}
      busy={busy}
      error={error}
      onSave={() => void save()}
      onCancel={() => props.api.stopEditing(true)}
      note={usage !== null ? t('edit.reliabilityAll', { count: usage }) : null}
    >
      <label className="cell-editor-field" htmlFor={inputId}>
        {t('edit.reliabilityInput')}
        <input id={inputId} className="grade-input" value={grade} autoFocus onFocus={(e) => e.target.select()} onChange={(e) => setGrade(e.target.value)} />
      </label>
      <Choices choices={choices} value={typed} onPick={setGrade} legend={t('edit.reliabilityInput')} />
      <label className="cell-editor-field" htmlFor={reasonId}>
        {t('edit.reason')}
        <input id={reasonId} value={reason} placeholder={t('edit.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
      </label>
    </EditForm>
  );
}

/** The attribution's current revision, from its document's annotations. */
export function useAttribution(documentId: string, claimId: string, attributionId: string): Attribution | null {
  const client = useClient();
  const [attribution, setAttribution] = useState<Attribution | null>(null);
  useEffect(() => {
    let live = true;
    void client.call('annotations:get', { documentId }).then((r) => {
      if (!live || !r.ok) return;
      const claim = r.value.claims.find((c) => c.id === claimId);
      setAttribution(claim?.attributions.find((a) => a.id === attributionId) ?? null);
    });
    return () => {
      live = false;
    };
  }, [client, documentId, claimId, attributionId]);
  return attribution;
}

/** "3" → 3, "" → null; anything else is sent as typed for the core to refuse. */
function parseCredibility(text: string): number | string | null {
  const s = text.trim();
  if (s === '') return null;
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

export function CredibilityEditor(props: EditorProps) {
  const client = useClient();
  const row = props.data;
  const [value, setValue] = useState(typedKey(props) ?? (row.credibility === null ? '' : String(row.credibility)));
  const attribution = useAttribution(row.documentId, row.claimId, row.attributionId);
  const { busy, error, commit, setError } = useCommit(props);
  const inputId = useId();

  const choices: Choice[] = [
    ...CREDIBILITY.map((g) => ({ value: String(g), label: String(g), meaning: CREDIBILITY_MEANING[g] })),
    { value: '', label: '–', meaning: t('edit.ungraded') },
  ];
  const save = () => {
    if (!attribution) return setError(t('edit.loading'));
    const credibility = parseCredibility(value) as number | null;
    return commit(
      () => client.call('attributions:update', { id: row.attributionId, revision: attribution.revision, patch: { credibility } }),
      () => t('edit.saved', { label: `${t('review.col.credibility')} ${credibility ?? t('edit.ungraded').toLowerCase()}` }),
      (e) => (refusedField(e, 'credibility') ? t('edit.credibilityBad', { value: value.trim() }) : null),
    );
  };

  return (
    <EditForm
      title={t('edit.credibilityTitle')}
      busy={busy || attribution === null}
      error={error}
      onSave={() => void save()}
      onCancel={() => props.api.stopEditing(true)}
      note={t('edit.credibilityOnly')}
    >
      <label className="cell-editor-field" htmlFor={inputId}>
        {t('edit.credibilityInput')}
        <input id={inputId} className="grade-input" value={value} autoFocus onFocus={(e) => e.target.select()} onChange={(e) => setValue(e.target.value)} />
      </label>
      <Choices choices={choices} value={value.trim()} onPick={setValue} legend={t('edit.credibilityInput')} />
    </EditForm>
  );
}

/**
 * The selected span that is not a claim: a source mention (and its source), a cue or channel (and
 * how many claims use it), a quantity or date (its normalised value, editable), an entity (its
 * canonical name), a note (its text), or a "not article" region.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Span, SpanData } from '../../../shared/annotation-schemas.ts';
import { t, type PlainMessageKey } from '../i18n/t.ts';
import { detailLine, kindLabel } from './describe.ts';
import { HistoryDisclosure } from './history-disclosure.tsx';
import type { PanelModel, SpanItem } from './model.ts';
import { TagPicker } from './tag-picker.tsx';
import type { Call } from './use-annotate-actions.ts';

interface Props {
  item: SpanItem;
  model: PanelModel;
  call: Call;
  announce(message: string): void;
  onDelete(): void;
  onCreateSource(): void;
  onDeleteSource(): void;
}

export function SpanDetail({ item, model, call, announce, onDelete, onCreateSource, onDeleteSource }: Props) {
  const { span, source } = item;
  const detail = detailLine(item, model);
  return (
    <>
      <header className="detail-header">
        <span className="kind-badge" data-kind={span.kind}>
          {kindLabel(span.kind, true)}
        </span>
        <div className="detail-actions">
          <button type="button" className="button button-small button-danger" aria-keyshortcuts="Delete" onClick={onDelete}>
            {t('detail.delete')}
          </button>
        </div>
      </header>
      {span.orphaned && <p className="detail-orphaned">{t('detail.orphaned')}</p>}
      <blockquote className="detail-quote" dir="auto">
        {span.exact}
      </blockquote>
      {span.kind === 'source' && (
        <section className="detail-section">
          <h3>{t('span.source')}</h3>
          {source ? (
            <p dir="auto">
              {source.name} <span className="muted">{[t(`sourceType.${source.type}`), source.affiliation].filter(Boolean).join(' · ')}</span>
            </p>
          ) : (
            <p className="muted">{t('span.noSource')}</p>
          )}
          <div className="form-actions">
            {!source && (
              <button type="button" className="button button-small" onClick={onCreateSource}>
                {t('span.createSource')}
              </button>
            )}
            {source && (
              <button type="button" className="button button-small" onClick={onDeleteSource}>
                {t('span.deleteSource')}
              </button>
            )}
          </div>
        </section>
      )}
      {span.kind !== 'source' && detail && span.kind !== 'note' && (
        <p className="detail-line" dir="auto">
          {detail}
        </p>
      )}
      {(span.kind === 'quantity' || span.kind === 'date' || span.kind === 'entity' || span.kind === 'note') && (
        <SpanFields key={`${span.id}:${span.revision}`} span={span} call={call} />
      )}
      {span.kind !== 'excluded' && (
        <section className="detail-section">
          <h3>{t('detail.tags')}</h3>
          <TagPicker span={span} tags={model.tags} call={call} announce={announce} />
        </section>
      )}
      <HistoryDisclosure refs={[{ type: 'span', id: span.id }]} />
    </>
  );
}

type Fields = Record<string, string | boolean>;

function initial(span: Span): Fields {
  const d = span.data ?? {};
  if (span.kind === 'quantity') return { value: d.value?.toString() ?? '', unit: d.unit ?? '', period: d.period ?? '', approx: d.approx ?? false };
  if (span.kind === 'date') return { normalized: d.normalized ?? '' };
  if (span.kind === 'entity') return { name: d.name ?? '', type: d.type ?? '' };
  return { note: span.note ?? '' };
}

function SpanFields({ span, call }: { span: Span; call: Call }) {
  const [fields, setFields] = useState<Fields>(() => initial(span));
  useEffect(() => setFields(initial(span)), [span]);
  const str = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string) : '');
  const orNull = (k: string) => str(k).trim() || null;
  const invalidValue = span.kind === 'quantity' && str('value').trim() !== '' && !Number.isFinite(Number(str('value')));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (invalidValue) return;
    if (span.kind === 'note') {
      await call('spans:update', { id: span.id, revision: span.revision, patch: { note: orNull('note') } });
      return;
    }
    const data: SpanData = { ...(span.data ?? {}) };
    if (span.kind === 'quantity') {
      data.value = str('value').trim() === '' ? null : Number(str('value'));
      data.unit = orNull('unit');
      data.period = orNull('period');
      data.approx = fields.approx === true;
    } else if (span.kind === 'date') data.normalized = orNull('normalized');
    else {
      data.name = orNull('name');
      data.type = orNull('type');
    }
    await call('spans:update', { id: span.id, revision: span.revision, patch: { data } });
  };

  const text = (k: string, label: PlainMessageKey) => (
    <label className="field" key={k}>
      <span>{t(label)}</span>
      <input value={str(k)} dir="auto" aria-invalid={k === 'value' && invalidValue ? true : undefined} onChange={(e) => setFields({ ...fields, [k]: e.target.value })} />
    </label>
  );

  return (
    <form className="span-fields" onSubmit={(e) => void save(e)}>
      {span.kind === 'quantity' && (
        <>
          <div className="field-row">
            {text('value', 'span.value')}
            {text('unit', 'span.unit')}
          </div>
          {text('period', 'span.period')}
          <label className="check">
            <input type="checkbox" checked={fields.approx === true} onChange={(e) => setFields({ ...fields, approx: e.target.checked })} />
            {t('span.approx')}
          </label>
        </>
      )}
      {span.kind === 'date' && text('normalized', 'span.normalized')}
      {span.kind === 'entity' && (
        <>
          {text('name', 'span.name')}
          {text('type', 'span.type')}
        </>
      )}
      {span.kind === 'note' && (
        <label className="field">
          <span>{t('span.note')}</span>
          <textarea value={str('note')} dir="auto" rows={3} onChange={(e) => setFields({ ...fields, note: e.target.value })} />
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-small">
          {t('detail.save')}
        </button>
      </div>
    </form>
  );
}

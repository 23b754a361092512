/**
 * The selected claim in full: its text, status (with override), every attribution with its grades
 * edited in place, its links (with the other claim's text and document), and its history.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../i18n/t.ts';
import { kindLabel } from './describe.ts';
import { CredibilityPicker, ReliabilityPicker } from './grade-controls.tsx';
import { HistoryDisclosure } from './history-disclosure.tsx';
import { useKeymap } from './keymap.ts';
import type { AttributionView, ClaimItem, LinkView, PanelModel } from './model.ts';
import { Rating } from './annotation-row.tsx';
import { AttributionEditor } from './attribution-editor.tsx';
import { StatusOverride } from './status-override.tsx';
import { TagPicker } from './tag-picker.tsx';
import type { Call } from './use-annotate-actions.ts';

interface Props {
  item: ClaimItem;
  model: PanelModel;
  call: Call;
  text: string;
  documentId: string;
  announce(message: string): void;
  onAttribute(): void;
  onLink(): void;
  onDelete(): void;
  onSelect(id: string): void;
}

export function ClaimDetail({ item, model, call, text, documentId, announce, onAttribute, onLink, onDelete, onSelect }: Props) {
  const keymap = useKeymap();
  const id = useId();
  return (
    <>
      <header className="detail-header">
        <span className="kind-badge" data-kind={item.span.kind}>
          {kindLabel(item.span.kind)}
        </span>
        <div className="detail-actions">
          <button type="button" className="button button-small" aria-keyshortcuts={keymap.attribute} onClick={onAttribute}>
            {t('detail.attribute')} <kbd aria-hidden="true">{keymap.attribute}</kbd>
          </button>
          <button type="button" className="button button-small" aria-keyshortcuts={keymap.link} onClick={onLink}>
            {t('detail.link')} <kbd aria-hidden="true">{keymap.link}</kbd>
          </button>
          <button type="button" className="button button-small button-danger" aria-keyshortcuts="Delete" onClick={onDelete}>
            {t('detail.delete')}
          </button>
        </div>
      </header>
      {item.span.orphaned && <p className="detail-orphaned">{t('detail.orphaned')}</p>}
      <blockquote className="detail-quote" dir="auto">
        {item.span.exact}
      </blockquote>
      {item.claim && <StatusOverride claim={item.claim} call={call} />}
      <section className="detail-section" aria-labelledby={`${id}-attr`}>
        <h3 id={`${id}-attr`}>{t('detail.attributions')}</h3>
        {item.attributions.length === 0 && <p className="muted">{t('detail.noAttributions')}</p>}
        {item.attributions.map((a) => (
          <AttributionCard key={a.attribution.id} a={a} item={item} model={model} call={call} text={text} documentId={documentId} />
        ))}
      </section>
      <section className="detail-section" aria-labelledby={`${id}-tags`}>
        <h3 id={`${id}-tags`}>{t('detail.tags')}</h3>
        <TagPicker span={item.span} tags={model.tags} call={call} announce={announce} />
      </section>
      {item.links.length > 0 && (
        <section className="detail-section" aria-labelledby={`${id}-links`}>
          <h3 id={`${id}-links`}>{t('detail.links')}</h3>
          <ul className="link-list">
            {item.links.map((l) => (
              <LinkLine key={l.link.id} view={l} call={call} onSelect={onSelect} />
            ))}
          </ul>
        </section>
      )}
      <HistoryDisclosure refs={[{ type: 'span', id: item.id }, { type: 'claim', id: item.id }]} />
    </>
  );
}

interface CardProps {
  a: AttributionView;
  item: ClaimItem;
  model: PanelModel;
  call: Call;
  text: string;
  documentId: string;
}

function AttributionCard({ a, item, model, call, text, documentId }: CardProps) {
  const { attribution, source } = a;
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  // Back from the editor (saved or cancelled), focus returns to the button that opened it.
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const via = attribution.via.map((v) => model.sources.get(v)?.name).filter(Boolean);
  const how = [
    a.cue && `${t('attr.cue')}: ${a.cue.exact}`,
    a.channel && `${t('attr.channel')}: ${a.channel}`,
    t(attribution.speech === 'direct' ? 'attr.direct' : 'attr.indirect'),
    attribution.anonymous && (attribution.anonymityReason ? t('attr.anonymousBecause', { reason: attribution.anonymityReason }) : t('attr.anonymous')),
    via.length > 0 && t('attr.via', { names: via.join(', ') }),
  ].filter(Boolean);
  return (
    <article className="attribution" aria-label={source?.name ?? t('attr.unknownSource')}>
      <header className="attribution-head">
        <div>
          <span className="attribution-source" dir="auto">
            {source?.name ?? t('attr.unknownSource')}
          </span>
          {source && (
            <span className="muted" dir="auto">
              {' '}
              {[t(`sourceType.${source.type}`), source.affiliation].filter(Boolean).join(' · ')}
            </span>
          )}
        </div>
        {attribution.rating && <Rating rating={attribution.rating} />}
      </header>
      <p className="attribution-how" dir="auto">
        {how.join(' · ')}
      </p>
      <div className="attribution-grades">
        {source && <ReliabilityPicker source={source} call={call} />}
        <CredibilityPicker attribution={attribution} call={call} />
      </div>
      {attribution.rationale && (
        <p className="attribution-rationale muted" dir="auto">
          {attribution.rationale}
        </p>
      )}
      {editing ? (
        <AttributionEditor
          key={`${attribution.id}:${attribution.revision}`}
          view={a}
          item={item}
          model={model}
          text={text}
          documentId={documentId}
          call={call}
          onDone={() => setEditing(false)}
        />
      ) : (
        <div className="form-actions">
          <button
            ref={editRef}
            type="button"
            className="button button-small"
            aria-label={t('attr.editNamed', { name: source?.name ?? t('attr.unknownSource') })}
            onClick={() => setEditing(true)}
          >
            {t('attr.edit')}
          </button>
          <button type="button" className="button button-small" onClick={() => void call('attributions:delete', { id: attribution.id })}>
            {t('attr.remove')}
          </button>
        </div>
      )}
      <HistoryDisclosure refs={[{ type: 'attribution', id: attribution.id }]} />
    </article>
  );
}

function LinkLine({ view, call, onSelect }: { view: LinkView; call: Call; onSelect(id: string): void }) {
  const relation = t(view.direction === 'out' ? `relation.${view.link.relation}` : `relationIn.${view.link.relation}`);
  return (
    <li className="link-line">
      <span className="link-relation">{relation}</span>{' '}
      {view.sameDocument ? (
        <button type="button" className="button-link link-quote" dir="auto" onClick={() => onSelect(view.otherId)}>
          “{view.otherExact}”
        </button>
      ) : (
        <span className="link-quote" dir="auto">
          “{view.otherExact}”
        </span>
      )}
      {!view.sameDocument && <span className="muted"> {t('row.inDocument', { title: view.otherTitle ?? t('row.untitled') })}</span>}
      {view.link.note && (
        <span className="muted" dir="auto">
          {' '}
          — {view.link.note}
        </span>
      )}
      <button type="button" className="button button-small link-remove" onClick={() => void call('claims:unlink', { id: view.link.id })}>
        {t('detail.unlink')}
      </button>
    </li>
  );
}

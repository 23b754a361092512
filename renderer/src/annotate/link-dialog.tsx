/**
 * Link the selected claim to another claim, in this document or any other: search claims by their
 * words (`claims:search`), pick one, choose the relation (this claim denies, disputes, corroborates,
 * repeats or updates it). A denial defaults to "denies" and a dispute to "disputes".
 */
import { useEffect, useState, type FormEvent } from 'react';
import { RELATIONS, type ClaimLink } from '../../../shared/annotation-schemas.ts';
import type { ChannelOutput } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';
import { t } from '../i18n/t.ts';
import { Combobox, type ComboOption } from './combobox.tsx';
import { kindLabel } from './describe.ts';
import { Modal } from '../components/modal.tsx';
import type { ClaimItem, PanelModel } from './model.ts';
import type { Call } from './use-annotate-actions.ts';

type Found = ChannelOutput<'claims:search'>[number];

interface Props {
  item: ClaimItem;
  model: PanelModel;
  documentTitle: string | null;
  call: Call;
  onClose(): void;
}

const SEARCH_DEBOUNCE_MS = 120;

export function LinkDialog({ item, model, documentTitle, call, onClose }: Props) {
  const client = useClient();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found[]>([]);
  const [target, setTarget] = useState<Found | null>(null);
  const [relation, setRelation] = useState<ClaimLink['relation']>(
    item.span.kind === 'denial' ? 'denies' : item.span.kind === 'dispute' ? 'disputes' : 'corroborates',
  );
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);

  // With nothing typed, the other claims of this document; otherwise a search over every document.
  useEffect(() => {
    const typed = query.trim();
    if (!typed) {
      setFound(
        [...model.claims.values()]
          .filter((c) => c.id !== item.id)
          .map((c) => ({ id: c.id, documentId: c.span.documentId, documentTitle, kind: c.span.kind as Found['kind'], exact: c.span.exact, status: c.claim?.status ?? 'uncontested' })),
      );
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void client.call('claims:search', { query: typed, limit: 30, excludeId: item.id }).then((r) => live && r.ok && setFound(r.value));
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, query, item.id, model, documentTitle]);

  const options: ComboOption[] = found.map((c) => ({
    id: c.id,
    content: (
      <>
        <span className="opt-title opt-clamp" dir="auto">{c.exact}</span>
        <span className="opt-sub" dir="auto">
          {[kindLabel(c.kind), t(`annotate.status.${c.status}`), c.documentId === item.span.documentId ? null : c.documentTitle ?? t('row.untitled')].filter(Boolean).join(' · ')}
        </span>
      </>
    ),
  }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!target) return;
    if (await call('claims:link', { fromId: item.id, toId: target.id, relation, note: note.trim() || null })) onClose();
  };

  return (
    <Modal title={t('link.title')} onClose={onClose} size="wide">
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <blockquote className="dialog-quote" dir="auto">{item.span.exact}</blockquote>
        <fieldset className="radio-row">
          <legend>{t('link.relation')}</legend>
          {RELATIONS.map((r) => (
            <label key={r} className="check">
              <input type="radio" name="relation" value={r} checked={relation === r} onChange={() => setRelation(r)} />
              {t(`relation.${r}`)}
            </label>
          ))}
        </fieldset>
        <Combobox
          label={t('link.target')}
          listLabel={t('link.results')}
          value={query}
          placeholder={t('link.placeholder')}
          options={options}
          empty={query.trim() ? t('link.noMatches', { query: query.trim() }) : undefined}
          invalid={tried && !target}
          onChange={(v) => {
            setQuery(v);
            setTarget(null);
          }}
          onPick={(id) => {
            const c = found.find((x) => x.id === id) ?? null;
            setTarget(c);
            if (c) setQuery(c.exact);
          }}
        />
        {target && (
          <p className="chosen" dir="auto">
            <span className="link-relation">{t(`relation.${relation}`)}</span> “{target.exact}”
            {target.documentId !== item.span.documentId && <span className="muted"> {t('row.inDocument', { title: target.documentTitle ?? t('row.untitled') })}</span>}
          </p>
        )}
        {tried && !target && <p className="field-error" role="alert">{t('link.pickTarget')}</p>}
        <label className="field">
          <span>{t('link.note')}</span>
          <input value={note} dir="auto" onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="form-actions dialog-actions">
          <button type="submit" className="button button-primary">{t('link.submit')}</button>
          <button type="button" className="button" onClick={onClose}>{t('detail.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}

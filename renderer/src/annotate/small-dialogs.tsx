/**
 * The annotation screen's small dialogs: confirming the deletion of a claim that takes links with
 * it, reassigning a source's uses before deleting it (the core refuses with SOURCE_IN_USE), and
 * creating a source from a marked mention.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Source, Span } from '../../../shared/annotation-schemas.ts';
import type { ChannelOutput } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';
import { t } from '../i18n/t.ts';
import { Combobox } from './combobox.tsx';
import { Modal } from '../components/modal.tsx';
import type { ClaimItem } from './model.ts';
import { NewSourceFields, type SourceChoice } from './source-picker.tsx';
import type { Call } from './use-annotate-actions.ts';

export function ConfirmDeleteClaim({ item, onConfirm, onClose }: { item: ClaimItem; onConfirm(): void; onClose(): void }) {
  return (
    <Modal title={t('confirm.deleteTitle')} onClose={onClose}>
      <blockquote className="dialog-quote" dir="auto">{item.span.exact}</blockquote>
      <p>
        {item.links.length > 0 && t('confirm.deleteLinks', { count: item.links.length })}{' '}
        {item.attributions.length > 0 && t('confirm.deleteAttributions', { count: item.attributions.length })}
      </p>
      <p className="muted">{t('confirm.undoRestores')}</p>
      <div className="form-actions dialog-actions">
        <button type="button" className="button button-danger-solid" onClick={onConfirm}>{t('confirm.delete')}</button>
        <button type="button" className="button" onClick={onClose}>{t('confirm.cancel')}</button>
      </div>
    </Modal>
  );
}

type Listed = ChannelOutput<'sources:list'>[number];

export function ReassignSource({ source, message, call, onClose }: { source: Source; message: string; call: Call; onClose(): void }) {
  const client = useClient();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Listed[]>([]);
  const [target, setTarget] = useState<Listed | null>(null);

  useEffect(() => {
    let live = true;
    void client.call('sources:list', { query: query.trim(), limit: 12 }).then((r) => live && r.ok && setFound(r.value.filter((s) => s.id !== source.id)));
    return () => {
      live = false;
    };
  }, [client, query, source.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (target && (await call('sources:delete', { id: source.id, reassignTo: target.id }))) onClose();
  };

  return (
    <Modal title={t('reassign.title')} onClose={onClose}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <p dir="auto">{message}</p>
        <Combobox
          label={t('reassign.pick')}
          listLabel={t('attribute.sources')}
          value={query}
          options={found.map((s) => ({
            id: s.id,
            content: (
              <>
                <span className="opt-title" dir="auto">{s.name}</span>
                <span className="opt-sub">{[t(`sourceType.${s.type}`), s.affiliation].filter(Boolean).join(' · ')}</span>
              </>
            ),
          }))}
          onChange={(v) => {
            setQuery(v);
            setTarget(null);
          }}
          onPick={(id) => {
            const s = found.find((x) => x.id === id) ?? null;
            setTarget(s);
            if (s) setQuery(s.name);
          }}
        />
        <div className="form-actions dialog-actions">
          <button type="submit" className="button button-danger-solid" disabled={!target}>{t('reassign.submit')}</button>
          <button type="button" className="button" onClick={onClose}>{t('confirm.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}

export function CreateSourceFromMention({ mention, call, onClose }: { mention: Span; call: Call; onClose(): void }) {
  const [choice, setChoice] = useState<Extract<SourceChoice, { mode: 'create' }>>({
    mode: 'create', name: mention.exact, type: 'named official', affiliation: '', aliases: '', mentionSpanId: mention.id,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice.name.trim()) return;
    const done = await call('sources:create', {
      name: choice.name.trim(),
      type: choice.type,
      affiliation: choice.affiliation.trim() || null,
      aliases: choice.aliases.split(',').map((a) => a.trim()).filter(Boolean),
      mentionSpanId: mention.id,
    });
    if (done) onClose();
  };
  return (
    <Modal title={t('span.createSource')} onClose={onClose}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <NewSourceFields choice={choice} onChange={(c) => c.mode === 'create' && setChoice(c)} />
        <div className="form-actions dialog-actions">
          <button type="submit" className="button button-primary">{t('detail.save')}</button>
          <button type="button" className="button" onClick={onClose}>{t('detail.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * Editing an attribution already made, in the claim's detail: its source, cue, channel, speech,
 * anonymity and reason, relay chain, the information's credibility and the rationale. Saved with
 * one `attributions:update` carrying only what changed (one undo step; a new source for it, or for
 * its relay chain, is created first, as in the Attribute dialog). A stale revision (another window
 * saved first) is refused by the core, and the screen says so and reloads.
 */
import { useState, type FormEvent } from 'react';
import type { Attribution } from '../../../shared/annotation-schemas.ts';
import { t } from '../i18n/t.ts';
import { ANONYMOUS_TYPES } from './attribute-dialog.tsx';
import { AttributionFields, howOf, howToInput, useSpanChoices, type HowValues } from './attribution-fields.tsx';
import type { AttributionView, ClaimItem, PanelModel } from './model.ts';
import { RelayChain, type Relay } from './relay-chain.tsx';
import { SourcePicker, type SourceChoice } from './source-picker.tsx';
import type { Call } from './use-annotate-actions.ts';

interface Props {
  view: AttributionView;
  item: ClaimItem;
  model: PanelModel;
  text: string;
  documentId: string;
  call: Call;
  onDone(): void;
}

type Patch = Partial<Omit<Attribution, 'id' | 'revision' | 'claimId' | 'rating'>>;

export function AttributionEditor({ view, item, model, text, documentId, call, onDone }: Props) {
  const { attribution: a, source } = view;
  const choices = useSpanChoices(item, model, text);
  const mentions = choices.mentions.map((span) => ({ span, source: span.sourceId ? (model.sources.get(span.sourceId) ?? null) : null }));
  const [choice, setChoice] = useState<SourceChoice | null>(source ? { mode: 'existing', source } : null);
  const [how, setHow] = useState<HowValues>(() => howOf(a));
  const [chain, setChain] = useState<Relay[]>(() => a.via.map((id) => ({ id, name: model.sources.get(id)?.name ?? t('attr.unknownSource') })));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!choice || (choice.mode === 'create' && !choice.name.trim()) || busy) return;
    setBusy(true);
    try {
      let sourceId: string | null = choice.mode === 'existing' ? choice.source.id : null;
      if (choice.mode === 'create') {
        const created = await call('sources:create', {
          name: choice.name.trim(),
          type: choice.type,
          affiliation: choice.affiliation.trim() || null,
          aliases: choice.aliases.split(',').map((x) => x.trim()).filter(Boolean),
          scopeDocumentId: ANONYMOUS_TYPES.has(choice.type) ? documentId : null,
          mentionSpanId: choice.mentionSpanId,
        });
        if (!created) return;
        sourceId = created.id;
      }
      const via: string[] = [];
      for (const r of chain) {
        if (r.id) via.push(r.id);
        else {
          const created = await call('sources:create', { name: r.name, type: 'outlet' });
          if (!created) return;
          via.push(created.id);
        }
      }
      const wanted: Patch = { sourceId: sourceId!, via, ...howToInput(how, model.spans) };
      const patch = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(a[k as keyof Patch]))) as Patch;
      if (Object.keys(patch).length === 0) return onDone();
      const saved = await call('attributions:update', { id: a.id, revision: a.revision, patch });
      if (saved) onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="attribution-editor" aria-label={t('attrEdit.title', { name: source?.name ?? t('attr.unknownSource') })} onSubmit={(e) => void submit(e)}>
      <SourcePicker choice={choice} onChoice={setChoice} mentions={mentions} invalid={tried && !choice} />
      {tried && !choice && <p className="field-error" role="alert">{t('attribute.pickSource')}</p>}
      <AttributionFields values={how} choices={choices} spans={model.spans} onChange={setHow} />
      <RelayChain chain={chain} exclude={choice?.mode === 'existing' ? [choice.source.id] : []} onChange={setChain} />
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {t('attrEdit.save')}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t('detail.cancel')}
        </button>
      </div>
    </form>
  );
}

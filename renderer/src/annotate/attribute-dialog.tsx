/**
 * Attribute a claim: who (an existing source, a mention in the paragraph, or a new source), through
 * which cue and channel (prefilled from the spans marked in the claim's paragraph), direct or
 * indirect speech, anonymous with the stated reason, and the information's credibility (1-6).
 * A new source is created first, then the attribution; both are undoable.
 */
import { useState, type FormEvent } from 'react';
import type { Source } from '../../../shared/annotation-schemas.ts';
import { t } from '../i18n/t.ts';
import { AttributionFields, howToInput, useSpanChoices, type HowValues } from './attribution-fields.tsx';
import { Modal } from '../components/modal.tsx';
import type { ClaimItem, PanelModel } from './model.ts';
import { SourcePicker, type SourceChoice } from './source-picker.tsx';
import type { Call } from './use-annotate-actions.ts';

interface Props {
  item: ClaimItem;
  model: PanelModel;
  text: string;
  documentId: string;
  call: Call;
  onClose(): void;
}

export const ANONYMOUS_TYPES = new Set<Source['type']>(['anonymous official', 'witness or resident']);
const QUOTES = /["“”«»„]/;

export function AttributeDialog({ item, model, text, documentId, call, onClose }: Props) {
  const choices = useSpanChoices(item, model, text);
  const mentions = choices.mentions.map((span) => ({ span, source: span.sourceId ? (model.sources.get(span.sourceId) ?? null) : null }));
  const quoted = QUOTES.test(text.charAt(item.span.start - 1)) || QUOTES.test(text.charAt(item.span.end));

  const [choice, setChoice] = useState<SourceChoice | null>(null);
  const [how, setHow] = useState<HowValues>(() => ({
    cueId: choices.cues.here[0]?.id ?? '',
    channelSpanId: choices.channels.here[0]?.id ?? '',
    channel: choices.channels.here[0]?.exact ?? '',
    speech: quoted ? 'direct' : 'indirect',
    anonymous: false,
    reason: '',
    credibility: '',
    rationale: '',
  }));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);

  const choose = (c: SourceChoice | null) => {
    setChoice(c);
    const type = c?.mode === 'existing' ? c.source.type : c?.type;
    if (type) setHow((h) => ({ ...h, anonymous: ANONYMOUS_TYPES.has(type) }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!choice || (choice.mode === 'create' && !choice.name.trim()) || busy) return;
    setBusy(true);
    let sourceId = choice.mode === 'existing' ? choice.source.id : null;
    if (choice.mode === 'create') {
      const created = await call('sources:create', {
        name: choice.name.trim(),
        type: choice.type,
        affiliation: choice.affiliation.trim() || null,
        aliases: choice.aliases.split(',').map((a) => a.trim()).filter(Boolean),
        scopeDocumentId: ANONYMOUS_TYPES.has(choice.type) ? documentId : null,
        mentionSpanId: choice.mentionSpanId,
      });
      sourceId = created?.id ?? null;
    }
    const done = sourceId && (await call('attributions:create', { claimId: item.id, sourceId, ...howToInput(how, model.spans) }));
    setBusy(false);
    if (done) onClose();
  };

  return (
    <Modal title={t('attribute.title')} onClose={onClose} size="wide">
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <blockquote className="dialog-quote" dir="auto">{item.span.exact}</blockquote>
        <SourcePicker choice={choice} onChoice={choose} mentions={mentions} invalid={tried && !choice} />
        {tried && !choice && <p className="field-error" role="alert">{t('attribute.pickSource')}</p>}
        <AttributionFields values={how} choices={choices} spans={model.spans} onChange={setHow} />
        <div className="form-actions dialog-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{t('attribute.submit')}</button>
          <button type="button" className="button" onClick={onClose}>{t('detail.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}

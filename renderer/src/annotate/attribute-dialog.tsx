/**
 * Attribute a claim: who (an existing source, a mention in the paragraph, or a new source), through
 * which cue and channel (prefilled from the spans marked in the claim's paragraph), direct or
 * indirect speech, anonymous with the stated reason, and the information's credibility (1-6).
 * A new source is created first, then the attribution; both are undoable.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { Source, Span } from '../../../shared/annotation-schemas.ts';
import { t } from '../i18n/t.ts';
import { toParagraphs } from '../lib/paragraphs.ts';
import { CredibilityOptions } from './grade-controls.tsx';
import { Modal } from './modal.tsx';
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

const ANONYMOUS_TYPES = new Set<Source['type']>(['anonymous official', 'witness or resident']);
const QUOTES = /["“”«»„]/;

/** A cue or channel as an option: its text with two words either side, so two "said" can be told apart. */
const inContext = (s: Span) => {
  const before = s.prefix.split(/\s+/).slice(-3).join(' ').trimStart();
  const after = s.suffix.split(/\s+/).slice(0, 3).join(' ').trimEnd();
  return `${s.exact} — “…${before}${s.exact}${after}…”`;
};

export function AttributeDialog({ item, model, text, documentId, call, onClose }: Props) {
  const paragraph = useMemo(() => {
    const p = toParagraphs(text).find((x) => x.start <= item.span.start && item.span.start < x.end);
    return p ?? { start: 0, end: text.length };
  }, [text, item.span.start]);
  const spansOf = (kind: Span['kind']) => {
    const all = [...model.spans.values()].filter((s) => s.kind === kind && !s.orphaned).sort((a, b) => a.start - b.start);
    const here = all.filter((s) => s.start >= paragraph.start && s.end <= paragraph.end);
    const distance = (s: Span) => Math.abs(s.start - item.span.start);
    return { here: [...here].sort((a, b) => distance(a) - distance(b)), elsewhere: all.filter((s) => !here.includes(s)) };
  };
  const cues = spansOf('cue');
  const channels = spansOf('channel');
  const mentions = spansOf('source').here.map((span) => ({ span, source: span.sourceId ? (model.sources.get(span.sourceId) ?? null) : null }));
  const quoted = QUOTES.test(text.charAt(item.span.start - 1)) || QUOTES.test(text.charAt(item.span.end));

  const [choice, setChoice] = useState<SourceChoice | null>(null);
  const [cueId, setCueId] = useState(cues.here[0]?.id ?? '');
  const [channelSpanId, setChannelSpanId] = useState(channels.here[0]?.id ?? '');
  const [channel, setChannel] = useState(channels.here[0]?.exact ?? '');
  const [speech, setSpeech] = useState<'direct' | 'indirect'>(quoted ? 'direct' : 'indirect');
  const [anonymous, setAnonymous] = useState(false);
  const [reason, setReason] = useState('');
  const [credibility, setCredibility] = useState('');
  const [rationale, setRationale] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);

  const choose = (c: SourceChoice | null) => {
    setChoice(c);
    const type = c?.mode === 'existing' ? c.source.type : c?.type;
    if (type) setAnonymous(ANONYMOUS_TYPES.has(type));
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
    const done =
      sourceId &&
      (await call('attributions:create', {
        claimId: item.id,
        sourceId,
        cueSpanId: cueId || null,
        channel: channel.trim() || null,
        channelSpanId: channelSpanId && model.spans.get(channelSpanId)?.exact === channel.trim() ? channelSpanId : null,
        speech,
        anonymous,
        anonymityReason: anonymous ? reason.trim() || null : null,
        credibility: credibility ? Number(credibility) : null,
        rationale: rationale.trim() || null,
      }));
    setBusy(false);
    if (done) onClose();
  };

  const spanOptions = (group: { here: Span[]; elsewhere: Span[] }) => (
    <>
      {group.here.length > 0 && (
        <optgroup label={t('attribute.cueHere')}>
          {group.here.map((s) => <option key={s.id} value={s.id}>{inContext(s)}</option>)}
        </optgroup>
      )}
      {group.elsewhere.length > 0 && (
        <optgroup label={t('attribute.cueElsewhere')}>
          {group.elsewhere.map((s) => <option key={s.id} value={s.id}>{inContext(s)}</option>)}
        </optgroup>
      )}
    </>
  );

  return (
    <Modal title={t('attribute.title')} onClose={onClose} wide>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <blockquote className="dialog-quote" dir="auto">{item.span.exact}</blockquote>
        <SourcePicker choice={choice} onChoice={choose} mentions={mentions} invalid={tried && !choice} />
        {tried && !choice && <p className="field-error" role="alert">{t('attribute.pickSource')}</p>}
        <div className="field-row">
          <label className="field">
            <span>{t('attribute.cue')}</span>
            <select value={cueId} onChange={(e) => setCueId(e.target.value)}>
              <option value="">{t('attribute.noCue')}</option>
              {spanOptions(cues)}
            </select>
          </label>
          <label className="field">
            <span>{t('attribute.channelSpan')}</span>
            <select
              value={channelSpanId}
              onChange={(e) => {
                setChannelSpanId(e.target.value);
                setChannel(model.spans.get(e.target.value)?.exact ?? '');
              }}
            >
              <option value="">{t('attribute.noChannelSpan')}</option>
              {spanOptions(channels)}
            </select>
          </label>
        </div>
        <label className="field">
          <span>{t('attribute.channel')}</span>
          <input value={channel} dir="auto" onChange={(e) => setChannel(e.target.value)} />
        </label>
        <div className="field-row">
          <fieldset className="radio-row">
            <legend>{t('attribute.speech')}</legend>
            {(['indirect', 'direct'] as const).map((s) => (
              <label key={s} className="check">
                <input type="radio" name="speech" value={s} checked={speech === s} onChange={() => setSpeech(s)} />
                {t(s === 'direct' ? 'attr.direct' : 'attr.indirect')}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{t('attribute.credibility')}</span>
            <select value={credibility} onChange={(e) => setCredibility(e.target.value)}>
              <CredibilityOptions />
            </select>
          </label>
        </div>
        <label className="check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('attribute.anonymous')}
        </label>
        {anonymous && (
          <label className="field">
            <span>{t('attribute.anonReason')}</span>
            <input value={reason} dir="auto" onChange={(e) => setReason(e.target.value)} />
          </label>
        )}
        <label className="field">
          <span>{t('attribute.rationale')}</span>
          <input value={rationale} dir="auto" onChange={(e) => setRationale(e.target.value)} />
        </label>
        <div className="form-actions dialog-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{t('attribute.submit')}</button>
          <button type="button" className="button" onClick={onClose}>{t('detail.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}

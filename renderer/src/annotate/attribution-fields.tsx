/**
 * How a claim is attributed, beyond who: the cue and channel (chosen among the spans marked in the
 * claim's paragraph first, then elsewhere in the document, or the channel typed), direct or indirect
 * speech, anonymous with the stated reason, the information's credibility (1-6) and a rationale.
 * Shared by the Attribute dialog (a new attribution) and the attribution editor in the claim detail.
 */
import { useId, useMemo } from 'react';
import type { Attribution, Span } from '../../../shared/annotation-schemas.ts';
import { t } from '../i18n/t.ts';
import { toParagraphs } from '../lib/paragraphs.ts';
import { CredibilityOptions } from './grade-controls.tsx';
import type { ClaimItem, PanelModel } from './model.ts';

export interface HowValues {
  cueId: string;
  channelSpanId: string;
  channel: string;
  speech: 'direct' | 'indirect';
  anonymous: boolean;
  reason: string;
  credibility: string;
  rationale: string;
}

export interface SpanChoices {
  cues: { here: Span[]; elsewhere: Span[] };
  channels: { here: Span[]; elsewhere: Span[] };
  /** Source mentions in the claim's paragraph. */
  mentions: Span[];
  /** A cue or channel as an option: its text with two words either side, so two "said" can be told apart. */
  label: (s: Span) => string;
}

/** The cues, channels and mentions marked in the document, those in the claim's paragraph first (nearest first). */
export function useSpanChoices(item: ClaimItem, model: PanelModel, text: string): SpanChoices {
  return useMemo(() => {
    const p = toParagraphs(text).find((x) => x.start <= item.span.start && item.span.start < x.end) ?? { start: 0, end: text.length };
    const spansOf = (kind: Span['kind']) => {
      const all = [...model.spans.values()].filter((s) => s.kind === kind && !s.orphaned).sort((a, b) => a.start - b.start);
      const here = all.filter((s) => s.start >= p.start && s.end <= p.end);
      const distance = (s: Span) => Math.abs(s.start - item.span.start);
      return { here: [...here].sort((a, b) => distance(a) - distance(b)), elsewhere: all.filter((s) => !here.includes(s)) };
    };
    return { cues: spansOf('cue'), channels: spansOf('channel'), mentions: spansOf('source').here, label: (s: Span) => inContext(s, text) };
  }, [item.span.start, model.spans, text]);
}

/** The form's values for an attribution as it is saved. */
export function howOf(a: Attribution): HowValues {
  return {
    cueId: a.cueSpanId ?? '',
    channelSpanId: a.channelSpanId ?? '',
    channel: a.channel ?? '',
    speech: a.speech,
    anonymous: a.anonymous,
    reason: a.anonymityReason ?? '',
    credibility: a.credibility?.toString() ?? '',
    rationale: a.rationale ?? '',
  };
}

/** What the core stores for these values (the channel span only while the typed channel is its text). */
export function howToInput(v: HowValues, spans: ReadonlyMap<string, Span>) {
  return {
    cueSpanId: v.cueId || null,
    channel: v.channel.trim() || null,
    channelSpanId: v.channelSpanId && spans.get(v.channelSpanId)?.exact === v.channel.trim() ? v.channelSpanId : null,
    speech: v.speech,
    anonymous: v.anonymous,
    anonymityReason: v.anonymous ? v.reason.trim() || null : null,
    credibility: v.credibility ? Number(v.credibility) : null,
    rationale: v.rationale.trim() || null,
  };
}

/** The text either side of a span considered for its context: enough for two or three words. */
const CONTEXT = 32;

/** A span (anchored: cues and channels offered are) with two words either side, from the document's text. */
const inContext = (s: Span, text: string) => {
  const before = text.slice(Math.max(0, s.start - CONTEXT), s.start).split(/\s+/).slice(-3).join(' ').trimStart();
  const after = text.slice(s.end, s.end + CONTEXT).split(/\s+/).slice(0, 3).join(' ').trimEnd();
  return `${s.exact} — “…${before}${s.exact}${after}…”`;
};

function SpanOptions({ group, label, missing }: { group: { here: Span[]; elsewhere: Span[] }; label: (s: Span) => string; missing?: string | undefined }) {
  return (
    <>
      {group.here.length > 0 && (
        <optgroup label={t('attribute.cueHere')}>
          {group.here.map((s) => <option key={s.id} value={s.id}>{label(s)}</option>)}
        </optgroup>
      )}
      {group.elsewhere.length > 0 && (
        <optgroup label={t('attribute.cueElsewhere')}>
          {group.elsewhere.map((s) => <option key={s.id} value={s.id}>{label(s)}</option>)}
        </optgroup>
      )}
      {missing && <option value={missing}>{t('attribute.spanGone')}</option>}
    </>
  );
}

interface Props {
  values: HowValues;
  choices: SpanChoices;
  spans: ReadonlyMap<string, Span>;
  onChange(values: HowValues): void;
}

export function AttributionFields({ values: v, choices, spans, onChange }: Props) {
  const id = useId();
  const set = (patch: Partial<HowValues>) => onChange({ ...v, ...patch });
  // A span chosen before that is no longer in the lists (deleted meanwhile) stays selectable as such.
  const listed = (group: SpanChoices['cues'], spanId: string) => (spanId && ![...group.here, ...group.elsewhere].some((s) => s.id === spanId) ? spanId : undefined);
  return (
    <>
      <div className="field-row">
        <label className="field">
          <span>{t('attribute.cue')}</span>
          <select value={v.cueId} onChange={(e) => set({ cueId: e.target.value })}>
            <option value="">{t('attribute.noCue')}</option>
            <SpanOptions group={choices.cues} label={choices.label} missing={listed(choices.cues, v.cueId)} />
          </select>
        </label>
        <label className="field">
          <span>{t('attribute.channelSpan')}</span>
          <select value={v.channelSpanId} onChange={(e) => set({ channelSpanId: e.target.value, channel: spans.get(e.target.value)?.exact ?? '' })}>
            <option value="">{t('attribute.noChannelSpan')}</option>
            <SpanOptions group={choices.channels} label={choices.label} missing={listed(choices.channels, v.channelSpanId)} />
          </select>
        </label>
      </div>
      <label className="field">
        <span>{t('attribute.channel')}</span>
        <input value={v.channel} dir="auto" onChange={(e) => set({ channel: e.target.value })} />
      </label>
      <div className="field-row">
        <fieldset className="radio-row">
          <legend>{t('attribute.speech')}</legend>
          {(['indirect', 'direct'] as const).map((s) => (
            <label key={s} className="check">
              <input type="radio" name={`${id}-speech`} value={s} checked={v.speech === s} onChange={() => set({ speech: s })} />
              {t(s === 'direct' ? 'attr.direct' : 'attr.indirect')}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('attribute.credibility')}</span>
          <select value={v.credibility} onChange={(e) => set({ credibility: e.target.value })}>
            <CredibilityOptions />
          </select>
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={v.anonymous} onChange={(e) => set({ anonymous: e.target.checked })} />
        {t('attribute.anonymous')}
      </label>
      {v.anonymous && (
        <label className="field">
          <span>{t('attribute.anonReason')}</span>
          <input value={v.reason} dir="auto" onChange={(e) => set({ reason: e.target.value })} />
        </label>
      )}
      <label className="field">
        <span>{t('attribute.rationale')}</span>
        <input value={v.rationale} dir="auto" onChange={(e) => set({ rationale: e.target.value })} />
      </label>
    </>
  );
}

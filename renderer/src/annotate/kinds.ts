/**
 * The kinds of annotation an analyst can mark, in toolbar order, with what the UI needs for each:
 * the label, the default one-key shortcut, the panel group, and the name of its highlight.
 * How each kind looks is in styles/highlights.css (kinds differ by underline style, not colour only).
 */
import type { Span } from '../../../shared/annotation-schemas.ts';
import type { PlainMessageKey } from '../i18n/t.ts';

export type SpanKind = Span['kind'];

export type GroupId = 'orphaned' | 'claims' | 'sources' | 'cues' | 'entities' | 'figures' | 'notes' | 'excluded';

export interface KindInfo {
  kind: SpanKind;
  label: PlainMessageKey;
  /** Default shortcut: one key, remappable (keymap.ts). */
  key: string;
  group: GroupId;
}

export const KINDS: readonly KindInfo[] = [
  { kind: 'claim', label: 'kind.claim', key: 'C', group: 'claims' },
  { kind: 'denial', label: 'kind.denial', key: 'D', group: 'claims' },
  { kind: 'dispute', label: 'kind.dispute', key: 'X', group: 'claims' },
  { kind: 'source', label: 'kind.source', key: 'S', group: 'sources' },
  { kind: 'cue', label: 'kind.cue', key: 'U', group: 'cues' },
  { kind: 'channel', label: 'kind.channel', key: 'H', group: 'cues' },
  { kind: 'entity', label: 'kind.entity', key: 'E', group: 'entities' },
  { kind: 'quantity', label: 'kind.quantity', key: 'Q', group: 'figures' },
  { kind: 'date', label: 'kind.date', key: 'T', group: 'figures' },
  { kind: 'note', label: 'kind.note', key: 'N', group: 'notes' },
  { kind: 'excluded', label: 'kind.excluded', key: 'O', group: 'excluded' },
];

const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));

export function kindInfo(kind: SpanKind): KindInfo {
  return BY_KIND.get(kind) ?? KINDS[0]!;
}

export const isClaimKind = (kind: SpanKind): kind is 'claim' | 'denial' | 'dispute' =>
  kind === 'claim' || kind === 'denial' || kind === 'dispute';

/** Panel groups in the order they are listed; orphaned spans first, so they are never missed. */
export const GROUPS: readonly { id: GroupId; label: PlainMessageKey }[] = [
  { id: 'orphaned', label: 'group.orphaned' },
  { id: 'claims', label: 'group.claims' },
  { id: 'sources', label: 'group.sources' },
  { id: 'cues', label: 'group.cues' },
  { id: 'entities', label: 'group.entities' },
  { id: 'figures', label: 'group.figures' },
  { id: 'notes', label: 'group.notes' },
  { id: 'excluded', label: 'group.excluded' },
];

/** Highlight names: one per kind, and one per state. */
export const STATES = ['orphaned', 'pending', 'hover', 'focus', 'flash'] as const;
export type HighlightState = (typeof STATES)[number];
export const highlightName = (kindOrState: SpanKind | HighlightState): string => `cd-${kindOrState}`;

/**
 * Painting order (higher on top): regions and claims as background tints below, the underlined
 * kinds above them, and the states above everything.
 */
export const PRIORITY: Record<SpanKind | HighlightState, number> = {
  excluded: 0, claim: 1, note: 1, dispute: 2, denial: 2, entity: 3, quantity: 4, date: 4, channel: 5, source: 5, cue: 6,
  orphaned: 7, pending: 8, hover: 9, focus: 10, flash: 11,
};

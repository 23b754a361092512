/**
 * A write's answer applied to what the screen holds, so that an edit made here never reloads the
 * document's ten thousand spans: the span that `spans:create` returns is added, the one
 * `spans:delete` names is taken out, a tag applied or removed changes that span's tag list, and so
 * on. Where the core derives more than the answer says (the status of linked claims after an
 * attribution or a kind changes, a source's mentions after it is created from one), the edit is
 * applied and a reload is asked for as well; an answer this does not know how to apply asks for a
 * reload only. Edits from other windows and undo/redo still reload (their `changed` event says only
 * that something changed).
 *
 * Pure: the state in, the next state out, with what the highlight painter must draw or remove.
 */
import { admiraltyRating, type Attribution, type Claim, type DocumentAnnotations, type Span, type Tag } from '../../../shared/annotation-schemas.ts';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract.ts';
import { isClaimKind } from './kinds.ts';
import { OverlayMap } from '../lib/overlay-map.ts';
import { editRows } from './panel-edits.ts';
import { itemFor, linkViews, type ItemContext, type PanelModel, type SelectableItem } from './model.ts';

export interface AnnotationState {
  data: DocumentAnnotations;
  model: PanelModel;
}

export interface Applied {
  state: AnnotationState;
  /** The core changed more than the answer shows: reload to see it. */
  reload: boolean;
  paint: { add: Span[]; remove: string[] };
}

type Answer<C extends ChannelName> = { channel: C; input: ChannelInput<C>; output: ChannelOutput<C> };
export type WriteAnswer = { [C in ChannelName]: Answer<C> }[ChannelName];

const NOTHING = { add: [], remove: [] };

/** The state after a write of this window, or null when only a reload can tell. */
export function applyWrite(state: AnnotationState, answer: WriteAnswer): Applied | null {
  const { data, model } = state;
  switch (answer.channel) {
    case 'spans:create': {
      const span = answer.output;
      if (span.documentId !== data.documentId) return unchanged(state);
      const claims = isClaimKind(span.kind) ? [...data.claims, newClaim(span)] : data.claims;
      return done(state, { ...data, spans: [...data.spans, span], claims }, [span.id], [], false, { add: [span], remove: [] });
    }
    case 'spans:update': {
      const span = answer.output;
      const old = model.spans.get(span.id);
      if (!old) return unchanged(state);
      const claims = isClaimKind(span.kind) ? data.claims.map((c) => (c.id === span.id ? { ...c, kind: span.kind as Claim['kind'] } : c)) : data.claims;
      const users = data.claims.filter((c) => c.attributions.some((a) => a.cueSpanId === span.id || a.channelSpanId === span.id)).map((c) => c.id);
      const relinked = old.kind !== span.kind && hasLinks(data, span.id);
      const paint = old.kind !== span.kind || old.orphaned !== span.orphaned ? { add: [span], remove: [] } : NOTHING;
      return done(state, { ...data, spans: replaceById(data.spans, span), claims }, [span.id, ...users], [], relinked, paint);
    }
    case 'spans:delete': {
      const id = answer.input.id;
      const span = model.spans.get(id);
      if (!span) return unchanged(state);
      const claim = data.claims.find((c) => c.id === id);
      const users = data.claims.filter((c) => c.id !== id && c.attributions.some((a) => a.cueSpanId === id || a.channelSpanId === id));
      // Linked claims change status, and attributions that used it as cue or channel change revision: the core says how.
      const dependents = hasLinks(data, id) || users.length > 0 || (claim?.attributions.length ?? 0) > 0;
      const next: DocumentAnnotations = {
        ...data,
        spans: data.spans.filter((s) => s.id !== id),
        claims: data.claims.filter((c) => c.id !== id),
        links: dependents ? data.links.filter((l) => l.fromClaimId !== id && l.toClaimId !== id) : data.links,
      };
      return done(state, next, [], [id], dependents, { add: [], remove: [id] });
    }
    case 'tags:apply':
    case 'tags:remove': {
      const { tagId, spanId, documentId } = answer.input;
      const changed = answer.channel === 'tags:apply' ? answer.output.applied : answer.output.removed;
      const on = answer.channel === 'tags:apply';
      if (!changed) return unchanged(state);
      const toggle = (ids: readonly string[]) => (on ? [...new Set([...ids, tagId])] : ids.filter((x) => x !== tagId));
      if (documentId) {
        if (documentId !== data.documentId) return unchanged(state);
        return done(state, { ...data, documentTagIds: toggle(data.documentTagIds) }, [], [], false, NOTHING);
      }
      const span = spanId ? model.spans.get(spanId) : undefined;
      if (!span) return unchanged(state);
      const updated = { ...span, tagIds: toggle(span.tagIds) };
      return done(state, { ...data, spans: replaceById(data.spans, updated) }, [span.id], [], false, NOTHING);
    }
    case 'tags:create':
    case 'tags:update': {
      const tag = answer.output;
      const tags = [...data.tags.filter((x) => x.id !== tag.id), tag].sort(byName);
      const users = data.spans.filter((s) => s.tagIds.includes(tag.id)).map((s) => s.id);
      return done(state, { ...data, tags }, users, [], false, NOTHING);
    }
    case 'attributions:create':
    case 'attributions:update': {
      const a = answer.output;
      const claim = data.claims.find((c) => c.id === a.claimId);
      const sources = new Set(data.sources.map((s) => s.id));
      if (!claim || !sources.has(a.sourceId) || a.via.some((v) => !sources.has(v))) return null;
      const before = claim.attributions.find((x) => x.id === a.id);
      const attributions = before ? claim.attributions.map((x) => (x.id === a.id ? a : x)) : [...claim.attributions, a];
      const claims = data.claims.map((c) => (c.id === claim.id ? { ...c, attributions } : c));
      const touched = [claim.id, ...spansOf(a), ...(before ? spansOf(before) : [])];
      return done(state, { ...data, claims }, touched, [], hasLinks(data, claim.id), NOTHING);
    }
    case 'attributions:delete': {
      const claim = data.claims.find((c) => c.attributions.some((x) => x.id === answer.input.id));
      if (!claim || !answer.output.deleted) return claim ? unchanged(state) : null;
      const gone = claim.attributions.find((x) => x.id === answer.input.id)!;
      const claims = data.claims.map((c) => (c.id === claim.id ? { ...c, attributions: c.attributions.filter((x) => x !== gone) } : c));
      return done(state, { ...data, claims }, [claim.id, ...spansOf(gone)], [], hasLinks(data, claim.id), NOTHING);
    }
    case 'claims:override': {
      const claim = answer.output;
      if (!data.claims.some((c) => c.id === claim.id)) return unchanged(state);
      return done(state, { ...data, claims: replaceById(data.claims, claim) }, [claim.id], [], false, NOTHING);
    }
    case 'sources:create': {
      if (answer.input.mentionSpanId) return null;
      return done(state, { ...data, sources: [...data.sources, answer.output] }, [], [], false, NOTHING);
    }
    case 'sources:grade': {
      const source = answer.output;
      if (!data.sources.some((s) => s.id === source.id)) return unchanged(state);
      const rerate = (a: Attribution) => (a.sourceId === source.id ? { ...a, rating: admiraltyRating(source.reliability, a.credibility) } : a);
      const claims = data.claims.map((c) => (c.attributions.some((a) => a.sourceId === source.id) ? { ...c, attributions: c.attributions.map(rerate) } : c));
      const touched = [
        ...claims.filter((c) => c.attributions.some((a) => a.sourceId === source.id || a.via.includes(source.id))).map((c) => c.id),
        ...data.spans.filter((s) => s.sourceId === source.id).map((s) => s.id),
      ];
      return done(state, { ...data, sources: replaceById(data.sources, source), claims }, touched, [], false, NOTHING);
    }
    default:
      return null;
  }
}

function done(state: AnnotationState, data: DocumentAnnotations, upsert: readonly string[], remove: readonly string[], reload: boolean, paint: Applied['paint']): Applied {
  const { model } = state;
  // The old map shared, not copied: ten thousand entries an edit were most of its cost and garbage.
  const wanted = new Set(upsert);
  const spans = OverlayMap.of(model.spans).with({ remove, set: wanted.size === 0 ? [] : data.spans.filter((s) => wanted.has(s.id)).map((s) => [s.id, s] as const) });
  const sources = data.sources === state.data.sources ? model.sources : new Map(data.sources.map((s) => [s.id, s]));
  const tags = data.tags === state.data.tags ? model.tags : new Map(data.tags.map((t) => [t.id, t]));
  const ctx: ItemContext = {
    spans,
    sources,
    claim: (id) => data.claims.find((c) => c.id === id) ?? null,
    links: (id) => linkViews(data.links.filter((l) => l.fromClaimId === id || l.toClaimId === id)).get(id) ?? [],
    usedBy: (id) => {
      let n = 0;
      for (const c of data.claims) for (const a of c.attributions) if (a.cueSpanId === id || a.channelSpanId === id) n++;
      return n;
    },
  };
  const rows: SelectableItem[] = [...new Set(upsert)].flatMap((id) => {
    const span = spans.get(id);
    return span ? [itemFor(span, ctx)] : [];
  });
  const next = editRows(model, { remove, upsert: rows }, { spans, sources, tags });
  return { state: { data, model: next }, reload, paint };
}

const unchanged = (state: AnnotationState): Applied => ({ state, reload: false, paint: NOTHING });

const newClaim = (span: Span): Claim => ({
  id: span.id, revision: 1, documentId: span.documentId, kind: span.kind as Claim['kind'], status: 'uncontested', derivedStatus: 'uncontested', overrideReason: null, attributions: [],
});

const hasLinks = (data: DocumentAnnotations, claimId: string) => data.links.some((l) => l.fromClaimId === claimId || l.toClaimId === claimId);
const spansOf = (a: Attribution): string[] => [a.cueSpanId, a.channelSpanId].filter((x): x is string => x !== null);
const byName = (a: Tag, b: Tag) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

function replaceById<T extends { id: string }>(list: readonly T[], next: T): T[] {
  const at = list.findIndex((x) => x.id === next.id);
  if (at < 0) return [...list, next];
  const copy = list.slice();
  copy[at] = next;
  return copy;
}

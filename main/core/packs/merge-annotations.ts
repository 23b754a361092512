/**
 * Merging a pack's annotations: spans first (with their claim rows and tags), then attributions
 * (once their cue and channel spans exist), then links (both claims now exist).
 *
 * An annotation matched by id is compared with ours on what an analyst decides (kind, place, quote,
 * note, detail, the source it names, a status override) and on each of its attributions and links
 * that we also have. Equal: nothing to do, and attributions or links that are new to us are added.
 * Different: both sides changed it. Ours stays as it is; theirs is stored as a new annotation, a
 * conflict copy noted "Conflict copy from pack …", with their attributions and links, and recorded
 * in `pack_conflicts`. Notes are not compared when the pack was exported with notes redacted.
 */
import { newId } from '../ids.ts';
import { canonical, type MergeState } from './merge-context.ts';
import { CLAIM_KIND_SET, type PackAnnotation, type PackAttribution, type PackLink } from './pack-model.ts';
import type { Row } from '../annotations/entity-repository.ts';

interface Pending<T> {
  item: T;
  /** The claim it belongs to here (the pack's id, or the conflict copy's). */
  claimId: string;
  /** A fresh id for copies; the pack's own otherwise. */
  id: string;
}

/**
 * The annotations of a pack, merged batch by batch as verify passes them (verify-thread.ts):
 * `batch` for each, then `finish` once, for the attributions and links (their spans and claims must
 * all be in first).
 *
 * `projectHadNone`: the annotation tables were empty when the merge began (merge-indexes.ts), so no
 * id of the pack can be there: the look-up of which ones exist (320 queries of 500 ids for the
 * bench's pack, ~0.2 s) is skipped.
 */
export class AnnotationMerge {
  private readonly attributions: Array<Pending<PackAttribution>> = [];
  private readonly links: Array<Pending<PackLink>> = [];
  private readonly knownAttributions = new Set<string>();
  private readonly knownLinks = new Set<string>();
  /** How many of `attributions` are merged already (`mergeReady`). */
  private merged = 0;

  constructor(
    private readonly s: MergeState,
    private readonly projectHadNone: boolean,
  ) {}

  async batch(annotations: PackAnnotation[], breathe: () => Promise<void>): Promise<void> {
    const { s } = this;
    const { entities } = s.deps.annotation.ctx;
    const { attributions, links } = this;
    let knownSpans: ReadonlySet<string> = NONE;
    if (!this.projectHadNone) {
      knownSpans = s.deps.packs.existing('span', annotations.map((a) => a.id));
      for (const id of s.deps.packs.existing('attribution', annotations.flatMap((a) => a.attributions.map((x) => x.id)))) this.knownAttributions.add(id);
      for (const id of s.deps.packs.existing('claim_link', annotations.flatMap((a) => a.links.map((x) => x.id)))) this.knownLinks.add(id);
    }
    let n = 0;
    for (const a of annotations) {
      if (++n % 256 === 0) await breathe();
      const documentId = s.documentIds.get(a.documentId);
      if (!documentId) continue;
      const local = knownSpans.has(a.id) ? entities.get('span', a.id) : undefined;
      if (!local) {
        insertSpan(s, a, a.id, documentId, a.note);
        s.added.annotations++;
        queue(a, a.id, false, attributions, links);
      } else if (local.deleted_at !== null) {
        if (s.mayRevive('span', a.id)) {
          reviveSpan(s, a, documentId);
          s.added.annotations++;
          queue(a, a.id, false, attributions, links);
        } else s.keptDeleted++;
      } else if (differs(s, a, documentId, local)) {
        const made = s.conflict('annotation', a.id, a, `Both sides changed ${quote(a.exact)}; ours was kept, theirs stored as a conflict copy.`, () => {
          const copyId = newId();
          const note = `Conflict copy from pack ${s.packName}${a.note ? `. Their note: ${a.note}` : ''}`;
          insertSpan(s, a, copyId, documentId, note);
          s.added.annotations++;
          queue(a, copyId, true, attributions, links);
          return copyId;
        }, documentId);
        if (!made) s.unchanged.annotations++;
      } else {
        s.unchanged.annotations++;
        addMissingTags(s, a.id, a.tagIds);
        queue(a, a.id, false, attributions, links);
      }
    }
    if (this.projectHadNone) this.mergeReady();
  }

  /**
   * Into an empty project, the attributions whose claim, cue and channel spans this merge has
   * written already are written now, in the file's order up to the first that still waits for a
   * span (a later batch's): the merge would otherwise sit idle between batches while verify reads
   * the next, and write all 50,000 of the bench's pack after the last. The order of the rows is the
   * file's either way. A project with annotations keeps them all for `finish`: there a cue may be
   * one of ours, and the look-ups decide (`isLive`).
   */
  private mergeReady(): void {
    const { s, attributions } = this;
    let i = this.merged;
    for (; i < attributions.length; i++) {
      const p = attributions[i]!;
      const { cueSpanId, channelSpanId } = p.item;
      if (!s.created.has(p.claimId) || (cueSpanId && !s.created.has(cueSpanId)) || (channelSpanId && !s.created.has(channelSpanId))) break;
      mergeAttribution(s, p, false);
    }
    this.merged = i;
  }

  finish(): void {
    const { attributions } = this;
    for (let i = this.merged; i < attributions.length; i++) mergeAttribution(this.s, attributions[i]!, this.knownAttributions.has(attributions[i]!.id));
    this.merged = attributions.length;
    for (const p of this.links) mergeLink(this.s, p, this.knownLinks.has(p.id));
  }
}

const NONE: ReadonlySet<string> = new Set();

function queue(a: PackAnnotation, claimId: string, copy: boolean, attributions: Array<Pending<PackAttribution>>, links: Array<Pending<PackLink>>): void {
  for (const item of a.attributions) attributions.push({ item, claimId, id: copy ? newId() : item.id });
  for (const item of a.links) links.push({ item, claimId, id: copy ? newId() : item.id });
}

const quote = (text: string) => `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;

function spanValues(s: MergeState, a: PackAnnotation, documentId: string, note: string | null): Record<string, unknown> {
  return {
    document_id: documentId, kind: a.kind, start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix,
    orphaned: a.orphaned ? 1 : 0, source_id: a.sourceId ? (s.sourceIds.get(a.sourceId) ?? null) : null, note,
    data: a.data ? JSON.stringify(a.data) : null,
  };
}

const NO_REASON = 'Given in a pack without its reason.';

function claimValues(a: PackAnnotation, documentId: string): Record<string, unknown> {
  return { document_id: documentId, status_override: a.claim?.override?.status ?? null, override_reason: a.claim?.override ? (a.claim.override.reason ?? NO_REASON) : null };
}

/** A new span (and its claim row and tags), its values bound straight from the pack's annotation: no row object. */
function insertSpan(s: MergeState, a: PackAnnotation, id: string, documentId: string, note: string | null): void {
  const { packs } = s.deps;
  const by = s.analyst(a.creator);
  packs.insertSpan(
    id, s.packId, a.revision, a.created, a.modified, by, documentId, a.kind, a.start, a.end, a.exact, a.prefix, a.suffix, a.orphaned ? 1 : 0,
    a.sourceId ? (s.sourceIds.get(a.sourceId) ?? null) : null, note, a.data ? JSON.stringify(a.data) : null,
  );
  s.inserted('span', id);
  s.created.add(id);
  // A new claim starts uncontested (the column's default); links pointing at it recompute it below.
  if (CLAIM_KIND_SET.has(a.kind)) {
    const override = a.claim?.override;
    packs.insertClaim(id, s.packId, a.revision, a.created, a.modified, by, documentId, override?.status ?? null, override ? (override.reason ?? NO_REASON) : null);
    s.inserted('claim', id);
  }
  if (a.kind === 'excluded') s.reindex.add(documentId);
  if (a.tagIds.length > 0) addMissingTags(s, id, a.tagIds);
}

function reviveSpan(s: MergeState, a: PackAnnotation, documentId: string): void {
  s.revive('span', a.id, spanValues(s, a, documentId, a.note));
  if (CLAIM_KIND_SET.has(a.kind)) {
    const claim = s.deps.annotation.ctx.entities.get('claim', a.id);
    if (claim) s.revive('claim', a.id, claimValues(a, documentId));
    else s.insert('claim', a.id, claimValues(a, documentId), a);
    s.recompute.add(a.id);
  }
  if (a.kind === 'excluded') s.reindex.add(documentId);
  addMissingTags(s, a.id, a.tagIds);
}

function addMissingTags(s: MergeState, spanId: string, tagIds: string[]): void {
  const done = new Set<string>();
  for (const t of tagIds) {
    const tag = s.tagIds.get(t);
    // Two of their tags may be one of ours (matched by name): tag the span once.
    if (!tag || done.has(tag) || (!s.created.has(spanId) && s.deps.packs.spanTaggingExists(tag, spanId))) continue;
    done.add(tag);
    const id = newId();
    s.deps.packs.insertTagging(id, s.packId, 1, s.group.at, s.group.at, s.deps.analystId, tag, spanId, null);
    s.inserted('tagging', id);
  }
}

/** Whether their annotation (or an attribution or link of it that we also have) differs from ours. */
function differs(s: MergeState, a: PackAnnotation, documentId: string, local: Row): boolean {
  const { entities } = s.deps.annotation.ctx;
  const notes = !s.notesRedacted;
  const ours = [local.document_id, local.kind, local.start, local.end, local.exact, notes ? local.note : null, local.data ? canonical(JSON.parse(local.data as string)) : null, local.source_id];
  const theirs = [documentId, a.kind, a.start, a.end, a.exact, notes ? a.note : null, a.data ? canonical(a.data) : null, a.sourceId ? (s.sourceIds.get(a.sourceId) ?? null) : null];
  if (canonical(ours) !== canonical(theirs)) return true;
  if (a.claim) {
    const claim = entities.live('claim', a.id);
    const override = [claim?.status_override ?? null, notes ? (claim?.override_reason ?? null) : null];
    if (canonical(override) !== canonical([a.claim.override?.status ?? null, notes ? (a.claim.override?.reason ?? null) : null])) return true;
  }
  for (const at of a.attributions) {
    const row = entities.live('attribution', at.id);
    if (row && canonical(attributionContent(s, row, notes)) !== canonical(packAttributionContent(s, at, notes))) return true;
  }
  for (const l of a.links) {
    const row = entities.live('claim_link', l.id);
    if (row && canonical([row.to_claim_id, row.relation, notes ? row.note : null]) !== canonical([l.toClaimId, l.relation, notes ? l.note : null])) return true;
  }
  return false;
}

function attributionContent(_s: MergeState, row: Row, notes: boolean): unknown[] {
  return [row.source_id, row.cue_span_id, row.channel, row.channel_span_id, row.speech, row.anonymous === 1, row.anonymity_reason, JSON.parse(row.via as string), row.credibility, notes ? row.rationale : null];
}

function packAttributionContent(s: MergeState, at: PackAttribution, notes: boolean): unknown[] {
  return [
    s.sourceIds.get(at.sourceId) ?? at.sourceId, at.cueSpanId, at.channel, at.channelSpanId, at.speech, at.anonymous, at.anonymityReason,
    [...new Set(at.via.map((v) => s.sourceIds.get(v) ?? v))], at.credibility, notes ? at.rationale : null,
  ];
}

/** Live here: made by this merge, or found live. */
const isLive = (s: MergeState, type: 'span' | 'claim', id: string) => s.created.has(id) || s.deps.annotation.ctx.entities.live(type, id) !== undefined;

function mergeAttribution(s: MergeState, p: Pending<PackAttribution>, exists: boolean): void {
  const at = p.item;
  const local = exists ? s.deps.annotation.ctx.entities.get('attribution', p.id) : undefined;
  if (local && local.deleted_at === null) {
    s.unchanged.attributions++;
    return;
  }
  if (local && !s.mayRevive('attribution', p.id)) {
    s.keptDeleted++;
    return;
  }
  const sourceId = s.sourceIds.get(at.sourceId) ?? at.sourceId;
  const cue = at.cueSpanId && isLive(s, 'span', at.cueSpanId) ? at.cueSpanId : null;
  const channelSpan = at.channelSpanId && isLive(s, 'span', at.channelSpanId) ? at.channelSpanId : null;
  const via = at.via.length === 0 ? '[]' : JSON.stringify([...new Set(at.via.map((v) => s.sourceIds.get(v) ?? v))]);
  if (!local) {
    s.deps.packs.insertAttribution(
      p.id, s.packId, at.revision, at.created, at.modified, s.analyst(at.creator), p.claimId, sourceId, cue, at.channel, channelSpan, at.speech,
      at.anonymous ? 1 : 0, at.anonymityReason, via, at.credibility, at.rationale,
    );
    s.inserted('attribution', p.id);
  } else {
    s.revive('attribution', p.id, {
      claim_id: p.claimId, source_id: sourceId, cue_span_id: cue, channel: at.channel, channel_span_id: channelSpan, speech: at.speech,
      anonymous: at.anonymous ? 1 : 0, anonymity_reason: at.anonymityReason, via, credibility: at.credibility, rationale: at.rationale,
    });
  }
  s.added.attributions++;
  if (!s.created.has(p.claimId)) s.touchedClaims.add(p.claimId);
}

function mergeLink(s: MergeState, p: Pending<PackLink>, exists: boolean): void {
  const { entities } = s.deps.annotation.ctx;
  const l = p.item;
  if (!isLive(s, 'claim', l.toClaimId) || !isLive(s, 'claim', p.claimId)) return;
  const local = exists ? entities.get('claim_link', p.id) : undefined;
  if (!local) {
    if (!s.created.has(p.claimId) && s.deps.packs.linkTwin(p.claimId, l.toClaimId, l.relation)) {
      s.unchanged.links++;
      return;
    }
    s.deps.packs.insertLink(p.id, s.packId, l.revision, l.created, l.modified, s.analyst(l.creator), p.claimId, l.toClaimId, l.relation, l.note);
    s.inserted('claim_link', p.id);
    s.added.links++;
  } else if (local.deleted_at !== null) {
    if (!s.mayRevive('claim_link', p.id)) {
      s.keptDeleted++;
      return;
    }
    s.revive('claim_link', p.id, { from_claim_id: p.claimId, to_claim_id: l.toClaimId, relation: l.relation, note: l.note });
    s.added.links++;
  } else {
    s.unchanged.links++;
    return;
  }
  s.recompute.add(l.toClaimId);
}

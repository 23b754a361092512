/**
 * Spans: marking a stretch of a document's text as a claim, denial, dispute, source mention, cue,
 * channel, entity, quantity, date, note or "not article" region.
 *
 * A span is checked against the document's text before it is stored (`validateSpan`): a zero-length
 * span, one outside the text, one splitting a character, or one whose `exact` is not the text at
 * that place is refused. Deleting a claim takes its attributions, links and tags with it, in the
 * same undo unit, so nothing is left dangling and undo restores all of it.
 */
import { CLAIM_KINDS, type DocumentAnnotations, type Span, type SpanData } from '../../../shared/annotation-schemas.ts';
import { AnchorError, makeSelector, validateSpan } from '../../../shared/anchoring/index.ts';
import { DomainError, NotFoundError, ValidationError } from '../errors.ts';
import type { Group } from '../history/oplog.ts';
import { action, quote, type AnnotationContext } from './context.ts';
import { readDocumentAnnotations } from './document-annotations.ts';
import { toSpan } from './mappers.ts';
import type { ClaimService } from './claim-service.ts';

const isClaimKind = (kind: string) => (CLAIM_KINDS as readonly string[]).includes(kind);

export interface NewSpan {
  documentId: string;
  kind: Span['kind'];
  start: number;
  end: number;
  exact: string;
  note?: string | null | undefined;
  data?: SpanData | null | undefined;
  sourceId?: string | null | undefined;
}

const KIND_LABEL: Record<Span['kind'], string> = {
  claim: 'claim', denial: 'denial', dispute: 'dispute', source: 'source mention', cue: 'cue', channel: 'channel',
  entity: 'entity', quantity: 'quantity', date: 'date', note: 'note', excluded: '“not article” region',
};

export class SpanService {
  constructor(
    private readonly ctx: AnnotationContext,
    private readonly claims: ClaimService,
  ) {}

  /** Everything the annotation screen shows for one document (`annotations:get`). */
  forDocument(documentId: string): DocumentAnnotations {
    return readDocumentAnnotations(this.ctx, documentId);
  }

  create(input: NewSpan): Span {
    return action(this.ctx, `Mark ${KIND_LABEL[input.kind]} ${quote(input.exact)}`, (group) => this.createIn(group, input));
  }

  /** Creates a span inside an action already open (used by the gold loader and by source creation). */
  createIn(group: Group, input: NewSpan): Span {
    const { ctx } = this;
    const text = ctx.documents.liveText(input.documentId);
    if (text === undefined) throw new NotFoundError('Document', input.documentId);
    try {
      validateSpan(text, input);
    } catch (error) {
      if (error instanceof AnchorError) throw new DomainError(error.code, error.message);
      throw error;
    }
    if (input.sourceId) ctx.changes.require('source', input.sourceId);
    const selector = makeSelector(text, input.start, input.end);
    const id = ctx.changes.create(group, 'span', {
      document_id: input.documentId,
      kind: input.kind,
      start: selector.start,
      end: selector.end,
      exact: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
      orphaned: 0,
      source_id: input.sourceId ?? null,
      note: input.note ?? null,
      data: input.data ? JSON.stringify(input.data) : null,
    });
    if (isClaimKind(input.kind)) {
      ctx.changes.create(group, 'claim', { document_id: input.documentId, status_override: null, override_reason: null }, id);
    }
    if (input.kind === 'excluded') ctx.reindexDocument(input.documentId);
    return toSpan(ctx.changes.require('span', id));
  }

  update(id: string, revision: number, patch: { kind?: Span['kind']; note?: string | null; data?: SpanData | null; sourceId?: string | null }): Span {
    const { ctx } = this;
    const row = ctx.changes.require('span', id);
    if (patch.kind && patch.kind !== row.kind && isClaimKind(patch.kind) !== isClaimKind(row.kind as string)) {
      throw new ValidationError(
        `A ${KIND_LABEL[row.kind as Span['kind']]} cannot become a ${KIND_LABEL[patch.kind]}: delete it and mark the text again.`,
      );
    }
    if (patch.kind === 'excluded' || row.kind === 'excluded') {
      if (patch.kind !== undefined && patch.kind !== row.kind) throw new ValidationError('Mark “not article” regions on their own.');
    }
    if (patch.sourceId) ctx.changes.require('source', patch.sourceId);
    return action(ctx, `Edit ${KIND_LABEL[row.kind as Span['kind']]} ${quote(row.exact as string)}`, (group) => {
      const values: Record<string, unknown> = {};
      if (patch.kind !== undefined) values.kind = patch.kind;
      if (patch.note !== undefined) values.note = patch.note;
      if (patch.data !== undefined) values.data = patch.data ? JSON.stringify(patch.data) : null;
      if (patch.sourceId !== undefined) values.source_id = patch.sourceId;
      const updated = ctx.changes.update(group, 'span', id, values, revision);
      if (values.kind !== undefined && isClaimKind(values.kind as string)) this.claims.recomputeLinked(id);
      return toSpan(updated, ctx.repo.tagIdsOfSpan(id));
    });
  }

  delete(id: string): { spans: number; attributions: number; links: number } {
    const { ctx } = this;
    const row = ctx.changes.require('span', id);
    return action(ctx, `Delete ${KIND_LABEL[row.kind as Span['kind']]} ${quote(row.exact as string)}`, (group) => this.deleteIn(group, id));
  }

  deleteIn(group: Group, id: string): { spans: number; attributions: number; links: number } {
    const { ctx } = this;
    const row = ctx.changes.require('span', id);
    const counts = { spans: 1, attributions: 0, links: 0 };
    if (isClaimKind(row.kind as string)) {
      for (const a of ctx.repo.attributionsOfClaim(id)) counts.attributions += Number(ctx.changes.remove(group, 'attribution', a.id));
      const targets = new Set<string>();
      for (const linkId of ctx.repo.linksTouching(id)) {
        const link = ctx.repo.link(linkId)!;
        targets.add(link.to_claim_id);
        counts.links += Number(ctx.changes.remove(group, 'claim_link', linkId));
      }
      ctx.changes.remove(group, 'claim', id);
      targets.delete(id);
      for (const t of targets) this.claims.recompute(t);
    }
    // A cue or channel span used by attributions: the attributions stay, without the span.
    for (const a of ctx.repo.attributionsUsingSpan(id)) {
      const patch: Record<string, null> = {};
      if (a.cue_span_id === id) patch.cue_span_id = null;
      if (a.channel_span_id === id) patch.channel_span_id = null;
      ctx.changes.update(group, 'attribution', a.id, patch);
    }
    for (const t of ctx.repo.taggingsOfSpan(id)) ctx.changes.remove(group, 'tagging', t);
    ctx.changes.remove(group, 'span', id);
    if (row.kind === 'excluded') ctx.reindexDocument(row.document_id as string);
    return counts;
  }
}

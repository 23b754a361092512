/**
 * The annotation channels for the fake core, installed beside the Library's without touching them
 * (as fake-review.ts does): spans checked against the document's text, claims with derived status
 * and override, sources (SOURCE_IN_USE unless reassigned), attributions, links, the per-entity
 * history, stale revisions refused with CONFLICT. Every write is one undo step (the whole state
 * before and after it), reached through history:undo/redo, which this wraps.
 */
import { randomUUID } from 'node:crypto';
import type { Attribution, Claim, ClaimLink, DocumentAnnotations, Source, Span } from '../../../shared/annotation-schemas.ts';
import { makeSelector, validateSpan } from '../../../shared/anchoring/index.ts';
import type { ChannelOutput, ServiceMap } from '../../../shared/contract.ts';
import { admiraltyRating, CLAIM_KINDS } from '../../../shared/annotation-schemas.ts';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../../../main/core/errors.ts';
import type { FakeCore } from './fake-services.ts';

type History = ChannelOutput<'history:entity'>[number];
interface ClaimRow { id: string; revision: number; override: Claim['status'] | null; reason: string | null }
interface State {
  spans: Map<string, Span>;
  claims: Map<string, ClaimRow>;
  sources: Map<string, Source>;
  attributions: Map<string, Attribution>;
  links: Map<string, ClaimLink>;
}
interface Step { label: string; before: State; after: State }

const isClaim = (kind: string) => (CLAIM_KINDS as readonly string[]).includes(kind);
const clone = (s: State): State => structuredClone(s);

export class FakeAnnotations {
  state: State = { spans: new Map(), claims: new Map(), sources: new Map(), attributions: new Map(), links: new Map() };
  readonly history = new Map<string, History[]>();
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];

  constructor(private readonly core: FakeCore) {}

  private write<T>(label: string, touched: (out: T) => string[], fn: () => T): T {
    const before = clone(this.state);
    const out = fn();
    this.undoStack.push({ label, before, after: clone(this.state) });
    this.redoStack = [];
    for (const id of touched(out)) {
      const list = this.history.get(id) ?? [];
      list.push({ kind: 'do', label, analyst: 'Test Analyst', at: new Date().toISOString(), action: label, before: null, after: null });
      this.history.set(id, list);
    }
    this.core.emit('changed', { what: 'annotations' });
    return out;
  }

  private need<T>(map: Map<string, T>, id: string, what: string): T {
    const v = map.get(id);
    if (!v) throw new NotFoundError(what, id);
    return v;
  }

  private revise<T extends { revision: number }>(row: T, revision: number, what: string): void {
    if (row.revision !== revision) throw new ConflictError(`This ${what} was changed elsewhere (another window, or the command line) since you opened it.`);
    row.revision += 1;
  }

  private status(id: string): { status: Claim['status']; derived: Claim['status'] } {
    const incoming = [...this.state.links.values()].filter((l) => l.toClaimId === id).map((l) => l.relation);
    const derived = incoming.includes('denies') ? 'denied' : incoming.includes('disputes') ? 'disputed' : incoming.includes('corroborates') ? 'corroborated' : 'uncontested';
    return { status: this.state.claims.get(id)?.override ?? derived, derived };
  }

  private attribution(a: Attribution): Attribution {
    return { ...a, rating: admiraltyRating(this.state.sources.get(a.sourceId)?.reliability ?? null, a.credibility) };
  }

  get(documentId: string): DocumentAnnotations {
    const spans = [...this.state.spans.values()].filter((s) => s.documentId === documentId);
    const claims: Claim[] = spans.filter((s) => isClaim(s.kind)).map((s) => {
      const row = this.state.claims.get(s.id)!;
      const { status, derived } = this.status(s.id);
      const attributions = [...this.state.attributions.values()].filter((a) => a.claimId === s.id).map((a) => this.attribution(a));
      return { id: s.id, revision: row.revision, documentId, kind: s.kind as Claim['kind'], status, derivedStatus: derived, overrideReason: row.reason, attributions };
    });
    const sourceIds = new Set([...claims.flatMap((c) => c.attributions.map((a) => a.sourceId)), ...spans.flatMap((s) => (s.sourceId ? [s.sourceId] : []))]);
    const links = [...this.state.links.values()].filter((l) => l.fromDocumentId === documentId || l.toDocumentId === documentId);
    return structuredClone({ documentId, spans, claims, sources: [...sourceIds].map((id) => this.state.sources.get(id)!).filter(Boolean), links, tags: [], documentTagIds: [] });
  }

  /** Adds a span directly (test setup), with a claim row for the claim kinds. */
  seedSpan(documentId: string, kind: Span['kind'], exact: string, extra: Partial<Span> = {}): Span {
    const text = this.core.docs.get(documentId)!.text;
    const start = text.indexOf(exact);
    if (start < 0) throw new Error(`“${exact}” is not in the document`);
    const sel = makeSelector(text, start, start + exact.length);
    const span: Span = { id: randomUUID(), revision: 1, documentId, kind, ...sel, orphaned: false, sourceId: null, note: null, data: null, tagIds: [], ...extra };
    this.state.spans.set(span.id, span);
    if (isClaim(kind)) this.state.claims.set(span.id, { id: span.id, revision: 1, override: null, reason: null });
    return span;
  }

  seedSource(name: string, extra: Partial<Source> = {}): Source {
    const source: Source = { id: randomUUID(), revision: 1, name, type: 'named official', affiliation: null, aliases: [], reliability: null, scopeDocumentId: null, ...extra };
    this.state.sources.set(source.id, source);
    return source;
  }

  seedLink(from: Span, to: Span, relation: ClaimLink['relation']): ClaimLink {
    const docs = this.core.docs;
    const link: ClaimLink = {
      id: randomUUID(), revision: 1, fromClaimId: from.id, toClaimId: to.id, relation, note: null, fromDocumentId: from.documentId, toDocumentId: to.documentId,
      fromExact: from.exact, toExact: to.exact, fromTitle: docs.get(from.documentId)?.title ?? null, toTitle: docs.get(to.documentId)?.title ?? null,
    };
    this.state.links.set(link.id, link);
    return link;
  }

  readonly services: Partial<ServiceMap> = {
    'annotations:get': async ({ documentId }) => this.get(documentId),
    'spans:create': async (input) => this.write(`Mark ${input.kind}`, (s) => [s.id], () => {
      const doc = this.core.docs.get(input.documentId);
      if (!doc) throw new NotFoundError('Document', input.documentId);
      try {
        validateSpan(doc.text, input);
      } catch (error) {
        throw new DomainError('EXACT_MISMATCH', (error as Error).message);
      }
      return this.seedSpan(input.documentId, input.kind, input.exact, { ...makeSelector(doc.text, input.start, input.end), note: input.note ?? null, data: input.data ?? null, sourceId: input.sourceId ?? null });
    }),
    'spans:update': async ({ id, revision, patch }) => this.write('Edit annotation', () => [id], () => {
      const span = this.need(this.state.spans, id, 'Annotation');
      this.revise(span, revision, 'annotation');
      Object.assign(span, patch);
      return structuredClone(span);
    }),
    'spans:delete': async ({ id }) => this.write('Delete annotation', () => [id], () => {
      this.need(this.state.spans, id, 'Annotation');
      const links = [...this.state.links.values()].filter((l) => l.fromClaimId === id || l.toClaimId === id);
      const attributions = [...this.state.attributions.values()].filter((a) => a.claimId === id);
      links.forEach((l) => this.state.links.delete(l.id));
      attributions.forEach((a) => this.state.attributions.delete(a.id));
      this.state.spans.delete(id);
      this.state.claims.delete(id);
      return { spans: 1, attributions: attributions.length, links: links.length };
    }),
    'sources:list': async ({ query, limit }) => {
      const q = query.toLowerCase();
      return [...this.state.sources.values()]
        .filter((s) => [s.name, s.affiliation ?? '', ...s.aliases].some((x) => x.toLowerCase().includes(q)))
        .slice(0, limit)
        .map((s) => ({ ...s, attributions: [...this.state.attributions.values()].filter((a) => a.sourceId === s.id).length, documents: 1 }));
    },
    'sources:create': async (input) => this.write(`Add source ${input.name}`, (s) => [s.id], () => {
      const source = this.seedSource(input.name.trim(), { type: input.type, affiliation: input.affiliation ?? null, aliases: input.aliases ?? [], scopeDocumentId: input.scopeDocumentId ?? null });
      if (input.mentionSpanId) this.need(this.state.spans, input.mentionSpanId, 'Annotation').sourceId = source.id;
      return structuredClone(source);
    }),
    'sources:grade': async ({ id, grade }) => this.write(`Grade ${grade}`, () => [id], () => {
      const source = this.need(this.state.sources, id, 'Source');
      source.reliability = grade;
      source.revision += 1;
      return structuredClone(source);
    }),
    'sources:delete': async ({ id, reassignTo }) => {
      const source = this.need(this.state.sources, id, 'Source');
      const uses = [...this.state.attributions.values()].filter((a) => a.sourceId === id);
      const mentions = [...this.state.spans.values()].filter((s) => s.sourceId === id);
      if (uses.length + mentions.length > 0 && !reassignTo) {
        throw new DomainError('SOURCE_IN_USE', `${source.name} is used by ${uses.length} attribution(s) and ${mentions.length} mention(s). Choose a source to reassign them to, or keep it.`);
      }
      return this.write(`Delete source ${source.name}`, () => [id], () => {
        uses.forEach((a) => (a.sourceId = reassignTo!));
        mentions.forEach((s) => (s.sourceId = reassignTo!));
        this.state.sources.delete(id);
        return { deleted: true, reassigned: uses.length + mentions.length };
      });
    },
    'attributions:create': async ({ claimId, ...input }) => this.write('Attribute', (a) => [a.id, claimId], () => {
      this.need(this.state.claims, claimId, 'Claim');
      this.need(this.state.sources, input.sourceId, 'Source');
      const a: Attribution = {
        id: randomUUID(), revision: 1, claimId, sourceId: input.sourceId, cueSpanId: input.cueSpanId ?? null, channel: input.channel ?? null,
        channelSpanId: input.channelSpanId ?? null, speech: input.speech, anonymous: input.anonymous, anonymityReason: input.anonymityReason ?? null,
        via: input.via, credibility: input.credibility ?? null, rationale: input.rationale ?? null, rating: null,
      };
      this.state.attributions.set(a.id, a);
      return this.attribution(a);
    }),
    'attributions:update': async ({ id, revision, patch }) => this.write('Edit attribution', () => [id], () => {
      const a = this.need(this.state.attributions, id, 'Attribution');
      this.revise(a, revision, 'attribution');
      Object.assign(a, patch);
      return this.attribution(a);
    }),
    'attributions:delete': async ({ id }) => this.write('Delete attribution', () => [id], () => ({ deleted: this.state.attributions.delete(id) })),
    'claims:link': async ({ fromId, toId, relation, note }) => this.write(`Link ${relation}`, (l) => [l.id, fromId], () => {
      if (fromId === toId) throw new ValidationError('A claim cannot be linked to itself.');
      const link = this.seedLink(this.need(this.state.spans, fromId, 'Claim'), this.need(this.state.spans, toId, 'Claim'), relation);
      link.note = note ?? null;
      return structuredClone(link);
    }),
    'claims:unlink': async ({ id }) => this.write('Remove link', () => [id], () => ({ deleted: this.state.links.delete(id) })),
    'claims:override': async ({ id, status, reason }) => this.write(`Set status ${status}`, () => [id], () => {
      const row = this.need(this.state.claims, id, 'Claim');
      if (status !== null && !reason?.trim()) throw new ValidationError('Give a reason for overriding the status; it is kept in the history.');
      Object.assign(row, { override: status, reason: status ? reason!.trim() : null, revision: row.revision + 1 });
      return this.get(this.state.spans.get(id)!.documentId).claims.find((c) => c.id === id)!;
    }),
    'claims:search': async ({ query, limit, excludeId }) =>
      [...this.state.spans.values()]
        .filter((s) => isClaim(s.kind) && s.id !== excludeId && s.exact.toLowerCase().includes(query.toLowerCase()))
        .slice(0, limit)
        .map((s) => ({ id: s.id, documentId: s.documentId, documentTitle: this.core.docs.get(s.documentId)?.title ?? null, kind: s.kind as Claim['kind'], exact: s.exact, status: this.status(s.id).status })),
    'tags:list': async () => [],
    'history:entity': async ({ id }) => structuredClone(this.history.get(id) ?? []),
  };

  /** Puts the channels into the core's service map, and wraps its undo and redo. */
  install(): this {
    const services = this.core.services as Record<string, unknown>;
    const undo = this.core.services['history:undo'];
    const redo = this.core.services['history:redo'];
    const move = (from: Step[], to: Step[], which: 'before' | 'after') => {
      const step = from.pop()!;
      this.state = clone(step[which]);
      to.push(step);
      this.core.emit('changed', { what: 'history' });
      return { label: step.label };
    };
    Object.assign(services, this.services, {
      'history:undo': async () => (this.undoStack.length ? move(this.undoStack, this.redoStack, 'before') : undo({})),
      'history:redo': async () => (this.redoStack.length ? move(this.redoStack, this.undoStack, 'after') : redo({})),
    });
    return this;
  }
}

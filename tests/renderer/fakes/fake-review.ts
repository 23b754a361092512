/**
 * The review channels for the fake core, added beside the Library's without touching them: rows
 * paged, sorted and filtered in memory (enough of the core's filter model to drive the grid),
 * saved views, disputes, sources with grades and merge, figures, tags, and the annotation calls
 * the grid's editors make. Edits are undoable through history:undo/redo, which this wraps.
 */
import { randomUUID } from 'node:crypto';
import type { Attribution, Tag } from '../../../shared/annotation-schemas.ts';
import type { ServiceMap } from '../../../shared/contract.ts';
import type { Dispute, DuplicateSuggestion, Figure, ReviewQuery, ReviewRow, SourceOverview } from '../../../shared/review-schemas.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../main/core/errors.ts';
import type { FakeCore } from './fake-services.ts';

export interface ReviewFixture {
  rows: ReviewRow[];
  disputes?: Dispute[];
  duplicates?: DuplicateSuggestion[];
  figures?: { figures: Figure[]; conflicts: Array<{ figures: Figure[]; reason: string }> };
  tags?: Tag[];
}

interface Step {
  label: string;
  undo(): void;
  redo(): void;
}

type Services = Partial<ServiceMap>;

function matches(row: ReviewRow, query: ReviewQuery): boolean {
  for (const q of query.quick) {
    if (q === 'denied' && row.status !== 'denied') return false;
    if (q === 'anonymousOnly' && !row.anonymous) return false;
    if (q === 'singleSource' && row.independentSources !== 1) return false;
    if (q === 'ungraded' && row.reliability !== null && row.credibility !== null) return false;
  }
  for (const [column, f] of Object.entries(query.filters)) {
    const raw = row[column as keyof ReviewRow];
    const value = column === 'anonymous' ? (raw ? 'anonymous' : 'named') : raw;
    if (!f) continue;
    if (f.type === 'set' && f.values.length > 0 && !f.values.includes(value === null ? '(none)' : String(value))) return false;
    if (f.type === 'text' && f.op === 'contains' && f.value && !String(value ?? '').toLowerCase().includes(f.value.toLowerCase())) return false;
    if (f.type === 'number' && f.op === 'equals' && f.value !== undefined && value !== f.value) return false;
  }
  return true;
}

function sorted(rows: ReviewRow[], sort: ReviewQuery['sort']): ReviewRow[] {
  const out = [...rows];
  for (const s of [...sort].reverse()) {
    out.sort((a, b) => {
      const x = String(a[s.column as keyof ReviewRow] ?? '');
      const y = String(b[s.column as keyof ReviewRow] ?? '');
      return (s.dir === 'asc' ? 1 : -1) * x.localeCompare(y);
    });
  }
  return out;
}

export class FakeReview {
  readonly rows: ReviewRow[];
  readonly views = new Map<string, { id: string; name: string; state: unknown }>();
  readonly revisions = new Map<string, number>();
  readonly overrides = new Map<string, string>();
  readonly tags: Tag[];
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];

  constructor(
    private readonly core: FakeCore,
    private readonly fixture: ReviewFixture,
  ) {
    this.rows = fixture.rows.map((r) => ({ ...r }));
    this.tags = fixture.tags ?? [];
  }

  private push(step: Step) {
    this.undoStack.push(step);
    this.redoStack = [];
    this.core.emit('changed', { what: 'annotations' });
  }

  /** Changes rows now and on redo, restores them on undo. */
  private change(label: string, pick: (r: ReviewRow) => boolean, patch: Partial<ReviewRow>) {
    const targets = this.rows.filter(pick);
    const before = targets.map((r) => ({ ...r }));
    const apply = () => targets.forEach((r) => Object.assign(r, patch, { rating: rating({ ...r, ...patch }) }));
    apply();
    this.push({ label, undo: () => targets.forEach((r, i) => Object.assign(r, before[i])), redo: apply });
  }

  private sources(): SourceOverview[] {
    const byId = new Map<string, SourceOverview>();
    for (const r of this.rows) {
      const s = byId.get(r.sourceId) ?? {
        id: r.sourceId, name: r.source, type: r.sourceType, affiliation: null, aliases: [], reliability: r.reliability,
        claims: 0, documents: 0, firstSeen: r.published, lastSeen: r.published,
      };
      s.claims++;
      byId.set(r.sourceId, s);
    }
    return [...byId.values()];
  }

  private attribution(row: ReviewRow): Attribution {
    return {
      id: row.attributionId, revision: this.revisions.get(row.attributionId) ?? 1, claimId: row.claimId, sourceId: row.sourceId,
      cueSpanId: null, channel: row.channel, channelSpanId: null, speech: 'indirect', anonymous: row.anonymous, anonymityReason: null,
      via: [], credibility: row.credibility, rationale: null, rating: row.rating,
    };
  }

  readonly services: Services = {
    'review:rows': async ({ query, offset, limit }) => {
      const all = sorted(this.rows.filter((r) => matches(r, query)), query.sort);
      return { rows: all.slice(offset, offset + limit), total: all.length };
    },
    'review:export': async ({ query, columns }) => {
      const all = sorted(this.rows.filter((r) => matches(r, query)), query.sort);
      const cols = columns ?? ['claimText'];
      const csv = [cols.join(','), ...all.map((r) => cols.map((c) => String(r[c as keyof ReviewRow] ?? '')).join(','))].join('\r\n');
      // Node's bytes, not jsdom's TextEncoder's (another realm's Uint8Array fails `instanceof`).
      return { rows: all.length, path: null, data: new Uint8Array(Buffer.from(csv, 'utf8')) };
    },
    'review:views': async () => [...this.views.values()],
    'review:saveView': async ({ name, state }) => {
      const existing = [...this.views.values()].find((v) => v.name === name);
      const view = { id: existing?.id ?? randomUUID(), name, state };
      this.views.set(view.id, view);
      return { id: view.id, name };
    },
    'review:deleteView': async ({ id }) => ({ deleted: this.views.delete(id) }),
    'disputes:list': async () => this.fixture.disputes ?? [],
    'sources:overview': async ({ query }) => this.sources().filter((s) => s.name.toLowerCase().includes(query.toLowerCase())),
    'sources:claims': async ({ id }) => this.rows.filter((r) => r.sourceId === id).map((r) => ({ ...r, lead: null, language: 'en' })),
    'sources:duplicates': async () => (this.fixture.duplicates ?? []).filter((d) => this.rows.some((r) => r.sourceId === d.a) && this.rows.some((r) => r.sourceId === d.b)),
    'figures:list': async () => this.fixture.figures ?? { figures: [], conflicts: [] },
    'sources:get': async ({ id }) => {
      const s = this.sources().find((x) => x.id === id);
      if (!s) throw new NotFoundError('Source', id);
      return {
        id, revision: 1, name: s.name, type: s.type, affiliation: null, aliases: [], reliability: s.reliability as never, scopeDocumentId: null,
        grades: [], usage: { attributions: s.claims, mentions: 0, relays: 0 },
      };
    },
    'sources:grade': async ({ id, grade }) => {
      const name = this.rows.find((r) => r.sourceId === id)?.source ?? '';
      this.change(`Grade ${name} ${grade ?? 'ungraded'}`, (r) => r.sourceId === id, { reliability: grade });
      return { id, revision: 2, name, type: 'organisation', affiliation: null, aliases: [], reliability: grade, scopeDocumentId: null };
    },
    'sources:merge': async ({ keepId, mergeId }) => {
      const kept = this.rows.find((r) => r.sourceId === keepId)!;
      this.change(`Merge into ${kept.source}`, (r) => r.sourceId === mergeId, { sourceId: keepId, source: kept.source });
      return { id: keepId, revision: 2, name: kept.source, type: kept.sourceType, affiliation: null, aliases: [], reliability: null, scopeDocumentId: null };
    },
    'annotations:get': async ({ documentId }) => {
      const rows = this.rows.filter((r) => r.documentId === documentId);
      const claimIds = [...new Set(rows.map((r) => r.claimId))];
      return {
        documentId, sources: [], links: [], tags: this.tags, documentTagIds: [],
        spans: claimIds.map((id) => {
          const r = rows.find((x) => x.claimId === id)!;
          const tagIds = this.tags.filter((t) => (r.tags ?? '').split(', ').includes(t.name)).map((t) => t.id);
          return { id, revision: 1, documentId, kind: r.kind, start: 0, end: r.claimText.length, exact: r.claimText, orphaned: false, sourceId: null, note: null, data: null, tagIds };
        }),
        claims: claimIds.map((id) => {
          const mine = rows.filter((x) => x.claimId === id);
          const r = mine[0]!;
          return { id, revision: 1, documentId, kind: r.kind, status: r.status, derivedStatus: r.status, overrideReason: this.overrides.get(id) ?? null, attributions: mine.map((m) => this.attribution(m)) };
        }),
      };
    },
    'attributions:update': async ({ id, revision, patch }) => {
      const row = this.rows.find((r) => r.attributionId === id);
      if (!row) throw new NotFoundError('Attribution', id);
      const current = this.revisions.get(id) ?? 1;
      if (current !== revision) throw new ConflictError(`Attribution ${id} is at revision ${current}, not ${revision}.`);
      this.revisions.set(id, current + 1);
      this.change('Edit attribution', (r) => r.attributionId === id, { credibility: patch.credibility ?? null });
      return this.attribution(row);
    },
    'claims:override': async ({ id, status, reason }) => {
      if (status !== null && !reason?.trim()) throw new ValidationError('Give a reason for overriding the status; it is kept in the history.');
      const row = this.rows.find((r) => r.claimId === id)!;
      this.change(`Set status ${status}`, (r) => r.claimId === id, status ? { status, statusReason: reason ?? null } : {});
      return { id, revision: 2, documentId: row.documentId, kind: row.kind, status: status ?? row.status, derivedStatus: row.status, overrideReason: reason ?? null, attributions: [] };
    },
    'tags:list': async () => this.tags,
    'tags:create': async ({ name }) => {
      const tag = { id: randomUUID(), revision: 1, name, parentId: null, color: null };
      this.tags.push(tag);
      return tag;
    },
    'tags:apply': async ({ tagId, spanId }) => {
      const name = this.tags.find((t) => t.id === tagId)!.name;
      const row = this.rows.find((r) => r.claimId === spanId)!;
      const tags = [...(row.tags ? row.tags.split(', ') : []), name].sort().join(', ');
      this.change(`Tag ${name}`, (r) => r.claimId === spanId, { tags });
      return { applied: true };
    },
    // As the core: every change to the claim's tags in one step.
    'tags:set': async ({ spanId, add, remove, create }) => {
      const created = create.map((name) => ({ id: randomUUID(), revision: 1, name, parentId: null, color: null }));
      this.tags.push(...created);
      const nameOf = (id: string) => this.tags.find((t) => t.id === id)!.name;
      const row = this.rows.find((r) => r.claimId === spanId)!;
      const gone = new Set(remove.map(nameOf));
      const now = new Set([...(row.tags ? row.tags.split(', ') : []).filter((x) => !gone.has(x)), ...add.map(nameOf), ...created.map((t) => t.name)]);
      this.change('Edit tags', (r) => r.claimId === spanId, { tags: [...now].sort().join(', ') || null });
      return { applied: add.length + created.length, removed: remove.length, created };
    },
    'tags:remove': async ({ tagId, spanId }) => {
      const name = this.tags.find((t) => t.id === tagId)!.name;
      const row = this.rows.find((r) => r.claimId === spanId)!;
      const tags = (row.tags ?? '').split(', ').filter((x) => x && x !== name).join(', ') || null;
      this.change(`Untag ${name}`, (r) => r.claimId === spanId, { tags });
      return { removed: true };
    },
  };

  /** Adds the review channels to the core, and lets its undo/redo reach review edits first. */
  install(): this {
    const services = this.core.services as Record<string, unknown>;
    const undo = this.core.services['history:undo'];
    const redo = this.core.services['history:redo'];
    const info = this.core.services['project:info'];
    Object.assign(services, this.services, {
      'history:undo': () => (this.undoStack.length ? this.move(this.undoStack, this.redoStack, 'undo') : undo({})),
      'history:redo': () => (this.redoStack.length ? this.move(this.redoStack, this.undoStack, 'redo') : redo({})),
      'project:info': async () => ({ ...(await info({})), canUndo: this.undoStack.at(-1)?.label ?? (await info({})).canUndo }),
    });
    return this;
  }

  private async move(from: Step[], to: Step[], how: 'undo' | 'redo') {
    const step = from.pop()!;
    step[how]();
    to.push(step);
    this.core.emit('changed', { what: 'history' });
    return { label: step.label };
  }
}

const rating = (r: Pick<ReviewRow, 'reliability' | 'credibility'>) =>
  r.reliability === null && r.credibility === null ? null : `${r.reliability ?? '?'}${r.credibility ?? '?'}`;

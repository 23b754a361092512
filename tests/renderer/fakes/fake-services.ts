/**
 * An in-memory stand-in for the core's services, enough to drive the renderer: documents with
 * revisions, import with sidecars, duplicates and failures, delete with undo/redo, outlets, filters,
 * and a small search with a syntax error for malformed queries. It throws the core's own domain
 * errors, so the real dispatcher maps them to results as the hosts do.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  channelNames,
  type ChannelOutput,
  type DocumentFull,
  type ImportOutcome,
  type SearchHit,
  type ServiceMap,
  type SnippetPart,
} from '../../../shared/contract.ts';
import { CancelledError, ConflictError, DomainError, NotFoundError } from '../../../main/core/errors.ts';
import { noteGroup } from '../../../main/core/history/steps.ts';

export interface FakeFile {
  name: string;
  data: Uint8Array;
}
type Emit = (name: 'progress' | 'changed', payload: unknown) => void;
interface Step {
  label: string;
  undo(): void;
  redo(): void;
  /** Set when pushed: the step's id, noted as the real `OpLog.begin` notes a group (history/steps.ts). */
  id?: string;
}

export class FakeCore {
  /** The current analyst's name (`project:setAnalystName` changes it). */
  analystName = 'Test Analyst';
  readonly docs = new Map<string, DocumentFull & { deleted: boolean }>();
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];
  private cancelled = new Set<string>();
  emit: Emit = () => {};
  /** When set, imports report their first progress and then wait for it (to test progress and Cancel). */
  gate: Promise<void> | null = null;

  constructor(private readonly sample: FakeFile[] = []) {}

  /** Imports files directly (test setup), as one undo step. */
  seed(files: FakeFile[]): ChannelOutput<'documents:import'> {
    return this.importFiles('seed', files);
  }

  private async importJob(jobId: string, files: FakeFile[]): Promise<ChannelOutput<'documents:import'>> {
    if (this.gate) {
      this.emit('progress', { jobId, phase: 'reading', done: 0, total: files.length, current: files[0]?.name });
      await this.gate;
    }
    return this.importFiles(jobId, files);
  }

  live(): (DocumentFull & { deleted: boolean })[] {
    return [...this.docs.values()].filter((d) => !d.deleted);
  }

  private push(step: Step) {
    step.id = randomUUID();
    noteGroup(step.id);
    this.undoStack.push(step);
    this.redoStack = [];
    this.emit('changed', { what: 'documents' });
  }

  private importFiles(jobId: string, files: FakeFile[]): ChannelOutput<'documents:import'> {
    const sidecars = new Map<string, Record<string, unknown>>();
    for (const f of files.filter((f) => f.name.endsWith('.json'))) {
      sidecars.set(f.name.replace(/\.json$/, ''), JSON.parse(new TextDecoder().decode(f.data)) as Record<string, unknown>);
    }
    const texts = files.filter((f) => !f.name.endsWith('.json'));
    const outcomes: ImportOutcome[] = [];
    const created: string[] = [];
    texts.forEach((file, i) => {
      if (this.cancelled.has(jobId)) throw new CancelledError();
      this.emit('progress', { jobId, phase: 'writing', done: i, total: texts.length, current: file.name });
      const outcome = this.importOne(file, sidecars.get(file.name.replace(/\.(txt|md)$/, '')) ?? null);
      if (outcome.status === 'imported') created.push(outcome.documentId);
      outcomes.push(outcome);
    });
    this.emit('progress', { jobId, phase: 'done', done: texts.length, total: texts.length });
    const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
    if (created.length > 0) {
      const setDeleted = (deleted: boolean) => created.forEach((id) => (this.docs.get(id)!.deleted = deleted));
      this.push({ label: `Import ${created.length} documents`, undo: () => setDeleted(true), redo: () => setDeleted(false) });
    }
    return { batchId: randomUUID(), imported: count('imported'), duplicates: count('duplicate'), failed: count('failed'), files: outcomes };
  }

  private importOne(file: FakeFile, sidecar: Record<string, unknown> | null): ImportOutcome {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.data).normalize('NFC').replace(/\r\n?/g, '\n');
    } catch {
      return { status: 'failed', file: file.name, code: 'ENCODING', reason: 'The file is not valid UTF-8 text.' };
    }
    if (text.trim() === '') return { status: 'failed', file: file.name, code: 'EMPTY', reason: 'The file has no text.' };
    const sha256 = createHash('sha256').update(text).digest('hex');
    const existing = this.live().find((d) => d.sha256 === sha256);
    const str = (k: string) => (typeof sidecar?.[k] === 'string' ? (sidecar[k] as string) : null);
    const record = {
      id: randomUUID(),
      fileName: file.name.split('/').pop() ?? file.name,
      filePath: file.name,
      importedAt: new Date('2024-05-01T10:00:00Z').toISOString(),
      analyst: 'Test Analyst',
      encoding: 'utf-8',
      byteLength: file.data.length,
      duplicate: existing !== undefined,
      sidecar,
      proposed: null,
    };
    if (existing) {
      existing.imports.push(record);
      return { status: 'duplicate', file: file.name, documentId: existing.id, title: existing.title };
    }
    const language = str('language') ?? (/[\u0600-\u06ff]/.test(text) ? 'ar' : 'en');
    const doc = {
      id: randomUUID(),
      revision: 1,
      title: str('title'),
      outlet: str('outlet'),
      author: str('author'),
      url: str('url'),
      published: str('published'),
      language,
      direction: language === 'ar' ? ('rtl' as const) : ('ltr' as const),
      wordCount: text.split(/\s+/).filter(Boolean).length,
      importedAt: record.importedAt,
      sha256,
      text,
      imports: [record],
      deleted: false,
    };
    this.docs.set(doc.id, doc);
    return { status: 'imported', file: file.name, documentId: doc.id, title: doc.title };
  }

  private get(id: string) {
    const doc = this.docs.get(id);
    if (!doc || doc.deleted) throw new NotFoundError('Document', id);
    return doc;
  }

  private filtered(f: { outlet?: string | undefined; from?: string | undefined; to?: string | undefined }) {
    return this.live().filter(
      (d) =>
        (!f.outlet || d.outlet === f.outlet) &&
        (!f.from || (d.published !== null && d.published >= f.from)) &&
        (!f.to || (d.published !== null && d.published.slice(0, f.to.length) <= f.to)),
    );
  }

  /** The Library's channels; the others (annotations, …) answer NOT_IMPLEMENTED. */
  readonly services: ServiceMap = withUnimplemented({
    'project:info': async () => ({
      path: '/home/analyst/Border smuggling.claimdesk',
      projectId: '0190f1a2-0000-7000-8000-000000000001',
      analyst: { id: '0190f1a2-0000-7000-8000-000000000002', displayName: this.analystName },
      documentCount: this.live().length,
      canUndo: this.undoStack.at(-1)?.label ?? null,
      canRedo: this.redoStack.at(-1)?.label ?? null,
    }),
    'project:openSample': ({ jobId }) => this.importJob(jobId, this.sample),
    'project:setAnalystName': async ({ name }) => {
      this.analystName = name;
      this.emit('changed', { what: 'project' });
      this.emit('changed', { what: 'history' });
      return this.services['project:info']({});
    },
    'documents:import': ({ jobId, files }) => this.importJob(jobId, files),
    'documents:list': async ({ offset, limit, ...filter }) => {
      const all = this.filtered(filter);
      // As the core: an untitled document's summary carries the opening of its text.
      return { total: all.length, items: all.slice(offset, offset + limit).map((d) => ({ ...summary(d), lead: d.title === null ? d.text.slice(0, 200) : null })) };
    },
    'documents:outlets': async () => [...new Set(this.live().flatMap((d) => (d.outlet ? [d.outlet] : [])))].sort(),
    'documents:get': async ({ id }) => {
      const { deleted: _deleted, ...doc } = this.get(id);
      return structuredClone(doc);
    },
    'documents:update': async ({ id, revision, patch }) => {
      const doc = this.get(id);
      if (doc.revision !== revision) throw new ConflictError(`Document ${id} is at revision ${doc.revision}, not ${revision}.`);
      const before = { ...doc };
      const apply = (from: typeof doc) => Object.assign(doc, { ...from, revision: doc.revision + 1 });
      Object.assign(doc, patch, { revision: doc.revision + 1 });
      const after = { ...doc };
      this.push({ label: 'Edit metadata', undo: () => apply(before), redo: () => apply(after) });
      return summary(doc);
    },
    'documents:delete': async ({ ids }) => {
      const docs = ids.map((id) => this.get(id));
      const set = (deleted: boolean) => docs.forEach((d) => (d.deleted = deleted));
      set(true);
      this.push({ label: `Delete ${docs.length} documents`, undo: () => set(false), redo: () => set(true) });
      return { deleted: docs.length };
    },
    'jobs:cancel': async ({ jobId }) => {
      this.cancelled.add(jobId);
      return { cancelled: true };
    },
    'history:undo': async ({ step }) => {
      // As the real OpLog.undo: a named step only while it is the latest.
      const latest = this.undoStack.at(-1);
      if (step !== undefined && latest?.id !== step) {
        throw new DomainError('STALE_UNDO', `Nothing was undone: something was done after this step (${latest?.label ?? 'another step'}).`);
      }
      return this.move(this.undoStack, this.redoStack, 'undo');
    },
    'history:redo': async () => this.move(this.redoStack, this.undoStack, 'redo'),
    'search:query': async ({ query, limit, ...filter }) => {
      const terms = parseQuery(query);
      const hits: SearchHit[] = this.filtered(filter)
        .filter((d) => terms.every((term) => d.text.toLowerCase().includes(term)))
        .map((d) => ({ document: summary(d), score: -1, titleParts: mark(d.title ?? '', terms), snippet: snippet(d.text, terms) }));
      return { hits: hits.slice(0, limit), total: hits.length };
    },
  });

  /** The step with this id, while it is in effect (the dispatcher's `stepOf`). */
  stepOf(id: string): { id: string; label: string } | null {
    const step = this.undoStack.find((s) => s.id === id);
    return step ? { id, label: step.label } : null;
  }

  private move(from: Step[], to: Step[], how: 'undo' | 'redo') {
    const step = from.pop();
    if (!step) return null;
    step[how]();
    to.push(step);
    this.emit('changed', { what: 'history' });
    return { label: step.label };
  }
}

type LibraryChannels =
  | 'project:info' | 'project:setAnalystName' | 'project:openSample' | 'documents:import' | 'documents:list' | 'documents:outlets' | 'documents:get'
  | 'documents:update' | 'documents:delete' | 'jobs:cancel' | 'history:undo' | 'history:redo' | 'search:query';

function withUnimplemented(implemented: Pick<ServiceMap, LibraryChannels>): ServiceMap {
  const all: Record<string, unknown> = {};
  for (const name of channelNames) {
    all[name] = async () => {
      throw new DomainError('NOT_IMPLEMENTED', `The fake core does not implement ${name}.`);
    };
  }
  return Object.assign(all, implemented) as ServiceMap;
}

const summary = (d: DocumentFull) => {
  const { text: _t, imports: _i, ...rest } = d as DocumentFull & { deleted?: boolean };
  delete (rest as { deleted?: boolean }).deleted;
  return rest;
};

/** Words, lower-cased; an unbalanced quote or a dangling operator is a syntax error, as in FTS5. */
function parseQuery(query: string): string[] {
  if ((query.match(/"/g)?.length ?? 0) % 2 === 1 || /(^|\s)(AND|OR|NOT)\s*$/.test(query)) {
    throw new DomainError('QUERY_SYNTAX', 'The search has an unclosed quote or a dangling operator.');
  }
  // A trailing * is a prefix search; matching by substring already finds prefixes.
  return query.replace(/"/g, '').replace(/\*(?=\s|$)/g, '').toLowerCase().split(/\s+/).filter(Boolean);
}

function mark(text: string, terms: string[]): SnippetPart[] {
  if (!text) return [];
  const pattern = new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return text.split(pattern).filter(Boolean).map((part) => ({ text: part, match: terms.includes(part.toLowerCase()) }));
}

function snippet(text: string, terms: string[]): SnippetPart[] {
  const at = Math.max(0, text.toLowerCase().indexOf(terms[0] ?? '') - 60);
  return mark((at > 0 ? '…' : '') + text.slice(at, at + 160) + '…', terms);
}

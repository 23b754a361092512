import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { AnnotationRepository, LINKS_OF_DOCUMENT } from '../../../main/core/annotations/annotation-repository.ts';
import { loadGold } from '../../../main/core/annotations/gold-loader.ts';
import type { PackAnnotation, PackContent } from '../../../main/core/packs/pack-model.ts';
import { writePack } from '../../../main/core/packs/pack-writer.ts';
import { openDatabase } from '../../../main/core/store/database.ts';
import { LATEST_VERSION } from '../../../main/core/store/migrations/index.ts';
import { DocumentAnnotations } from '../../../shared/annotation-schemas.ts';
import { BEFORE_MIGRATION_11, CORPUS, REPORTS, caller, tempDir } from '../core/helpers.ts';
import { referenceRead } from './reference-read.ts';

/** The four sample reports with their reference annotation (tests/fixtures/corpus/gold). */
async function goldProject(dbPath = path.join(tempDir(), 'gold.claimdesk')) {
  const core = createCore({ dbPath, analystName: 'Reference analyst' });
  await core.importPaths(REPORTS);
  loadGold(core.annotation, path.join(CORPUS, 'gold'), CORPUS);
  return core;
}

/**
 * The same answer with the order of exact ties set aside: the reference's SQL leaves spans with the
 * same start and end, and claims with the same start, in no promised order.
 */
function canonical(a: DocumentAnnotations): DocumentAnnotations {
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const startOf = new Map(a.spans.map((s) => [s.id, s.start]));
  return {
    ...a,
    spans: [...a.spans].sort((x, y) => x.start - y.start || y.end - x.end || byId(x, y)),
    claims: [...a.claims].sort((x, y) => startOf.get(x.id)! - startOf.get(y.id)! || byId(x, y)),
  };
}

/** Spans by start, the longer first, then the older first; claims in their spans' order. */
function expectOrdered(a: DocumentAnnotations, createdOrder: string[]) {
  const made = new Map(createdOrder.map((id, i) => [id, i]));
  for (let i = 1; i < a.spans.length; i++) {
    const [p, s] = [a.spans[i - 1]!, a.spans[i]!];
    expect(p.start < s.start || (p.start === s.start && (p.end > s.end || (p.end === s.end && made.get(p.id)! < made.get(s.id)!)))).toBe(true);
  }
  const spanOrder = a.spans.map((s) => s.id).filter((id) => a.claims.some((c) => c.id === id));
  expect(a.claims.map((c) => c.id)).toEqual(spanOrder);
}

describe('annotations:get', () => {
  it("finds a document's links through the link indexes, never by reading every link in the project", async () => {
    const core = await goldProject();
    try {
      const plan = (core.db.prepare(`EXPLAIN QUERY PLAN ${LINKS_OF_DOCUMENT}`).all({ id: 'x' }) as Array<{ detail: string }>).map((r) => r.detail);
      expect(plan.some((d) => /claim_links_from/.test(d))).toBe(true);
      expect(plan.some((d) => /claim_links_to/.test(d))).toBe(true);
      expect(plan.filter((d) => /^SCAN (l|x|claim_links)\b/.test(d))).toEqual([]);
      // The reference annotation links claims across documents, so both ends are exercised.
      const documents = core.db.prepare(`SELECT id FROM documents WHERE deleted_at IS NULL`).pluck().all() as string[];
      const links = await Promise.all(documents.map(async (documentId) => (await core.services['annotations:get']({ documentId })).links));
      expect(links.flat().some((l) => l.fromDocumentId !== l.toDocumentId)).toBe(true);
      expect(links.flat().some((l) => l.fromDocumentId === l.toDocumentId)).toBe(true);
    } finally {
      core.close();
    }
  });

  it('answers as the first, row-by-row read did, on the reference annotation of four real reports', async () => {
    const core = await goldProject();
    const documents = core.db.prepare(`SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY seq`).pluck().all() as string[];
    expect(documents).toHaveLength(4);
    let spans = 0;
    let tagged = 0;
    for (const documentId of documents) {
      const lean = await core.services['annotations:get']({ documentId });
      const reference = referenceRead(core.db, documentId)!;
      expect(canonical(lean)).toEqual(canonical(reference));
      // What the renderer's client checks every answer against.
      expect(DocumentAnnotations.safeParse(lean).success).toBe(true);
      expect(lean.claims.every((c) => c.kind === lean.spans.find((s) => s.id === c.id)!.kind)).toBe(true);
      spans += lean.spans.length;
      tagged += lean.spans.filter((s) => s.tagIds.length > 0).length;
    }
    // The material holds what the comparison is about.
    expect(spans).toBeGreaterThan(300);
    expect(tagged).toBeGreaterThan(0);
    core.close();
  });

  it('keeps ties, several tags, notes, data and orphaned spans, and leaves deleted ones out', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk'), analystName: 'Rana' });
    const call = caller(core);
    const report = await core.importPaths([REPORTS[0]!]);
    const documentId = report.files[0]!.status === 'imported' ? report.files[0]!.documentId : '';
    const { text } = await call('documents:get', { id: documentId });
    const at = (quote: string) => {
      const start = text.indexOf(quote);
      expect(start).toBeGreaterThanOrEqual(0);
      return { documentId, start, end: start + quote.length, exact: quote };
    };
    const made: string[] = [];
    const mark = async (kind: 'claim' | 'source' | 'cue' | 'note' | 'quantity', quote: string, extra: object = {}) => {
      const span = await call('spans:create', { ...at(quote), kind, ...extra });
      made.push(span.id);
      return span;
    };
    const claim = await mark('claim', 'pro-Iranian Syrian army units');
    // The same text twice (a claim and a source mention), a shorter span at the same start, and
    // one enclosing all of them: ties on start are ordered by length, then by age.
    const source = await mark('source', 'pro-Iranian Syrian army units');
    await mark('cue', 'pro-Iranian');
    await mark('note', 'pro-Iranian Syrian army units and militias', { note: 'check <b>this</b>' });
    const figure = await mark('quantity', 'Syrian', { data: { value: 3, unit: 'units', approx: true } });
    const gone = await mark('note', 'militias');
    await call('spans:delete', { id: gone.id });
    made.splice(made.indexOf(gone.id), 1);
    const first = await call('tags:create', { name: 'Smuggling' });
    const second = await call('tags:create', { name: 'Army' });
    await call('tags:apply', { tagId: first.id, spanId: claim.id });
    await call('tags:apply', { tagId: second.id, spanId: claim.id });
    await call('tags:apply', { tagId: second.id, spanId: figure.id });
    // A span another version of the text orphaned (re-anchoring, or a pack), which no channel makes:
    // its quote is its own, not the text at its old place.
    core.db.prepare(`UPDATE spans SET orphaned = 1, exact = 'pro-Iranian Syrian army unit (sic)' WHERE id = ?`).run(source.id);

    const lean = await call('annotations:get', { documentId });
    expect(canonical(lean)).toEqual(canonical(referenceRead(core.db, documentId)!));
    expectOrdered(lean, made);
    expect(lean.spans.map((s) => s.id)).not.toContain(gone.id);
    const byId = new Map(lean.spans.map((s) => [s.id, s]));
    expect(byId.get(claim.id)!.tagIds).toEqual([first.id, second.id]);
    expect(byId.get(figure.id)!.tagIds).toEqual([second.id]);
    expect(byId.get(figure.id)!.data).toEqual({ value: 3, unit: 'units', approx: true });
    expect(byId.get(source.id)!.orphaned).toBe(true);
    expect(byId.get(source.id)!.exact).toBe('pro-Iranian Syrian army unit (sic)');
    expect(lean.spans.find((s) => s.kind === 'note')!.note).toBe('check <b>this</b>');
    expect(lean.spans.filter((s) => s.start === claim.start).map((s) => s.kind)).toEqual(['note', 'claim', 'source', 'cue']);

    // An edit answers with the span's tags, in the order they were applied.
    const edited = await call('spans:update', { id: claim.id, revision: claim.revision, patch: { note: 'seen' } });
    expect(edited.tagIds).toEqual([first.id, second.id]);
    core.close();
  });

  it("gives an anchored span the text at its place as its quote, which is what the store holds, after a merge too", async () => {
    // A pack whose annotations' positions are off by two (a colleague's older copy of the text),
    // with one orphan: verify finds the first two where their quotes and surroundings are, and the
    // merge stores them there, with the text found as their quote.
    const text = 'Officials told reporters that the convoy was seized. The ministry denied it on Sunday.\n';
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const T = '2026-01-01T00:00:00.000Z';
    const span = (n: number, exact: string, shift: number, orphaned = false): PackAnnotation => {
      const start = text.indexOf(exact) + shift;
      return {
        id: id(n), documentId: id(1), kind: 'entity', start, end: start + exact.length, exact, prefix: text.slice(Math.max(0, start - shift - 32), start - shift),
        suffix: text.slice(start - shift + exact.length, start - shift + exact.length + 32), orphaned, sourceId: null, note: null, data: null, tagIds: [],
        claim: null, attributions: [], links: [], revision: 1, created: T, modified: T, creator: null,
      };
    };
    const content: PackContent = {
      documents: [{
        record: { id: id(1), sha256: createHash('sha256').update(text).digest('hex'), title: 'T', outlet: null, author: null, url: null, published: null,
          language: 'en', direction: 'ltr', wordCount: 14, created: T, creator: null, tags: [], imports: [] },
        text, original: null,
      }],
      annotations: [span(2, 'the convoy', 2), span(3, 'The ministry', -2), { ...span(4, 'a wedding', 0, true), start: 5, end: 14 }],
      sources: [], tags: [], analysts: [],
    };
    const pack = await writePack(content, { selection: {}, redact: { notes: false, annotators: false, documents: [] }, creator: null, appVersion: 'test' });
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk'), analystName: 'Rana' });
    try {
      const report = await caller(core)('packs:import', { jobId: 'moved', data: new Uint8Array(pack.bytes), name: 'moved.claimpack' });
      expect(report.verify.warnings.map((w) => w.code)).toEqual(['ANCHOR_MOVED', 'ANCHOR_MOVED']);
      const answer = await caller(core)('annotations:get', { documentId: id(1) });
      const stored = core.db.prepare(`SELECT id, exact FROM spans`).all() as Array<{ id: string; exact: string }>;
      expect(answer.spans.map((s) => [s.id, s.exact])).toEqual(expect.arrayContaining(stored.map((r) => [r.id, r.exact])));
      // The orphan's quote is its own; the text at its place says something else.
      expect(answer.spans.map((s) => [s.exact, s.orphaned, text.slice(s.start, s.end)])).toEqual([
        ['a wedding', true, expect.not.stringContaining('wedding')],
        ['the convoy', false, 'the convoy'],
        ['The ministry', false, 'The ministry'],
      ]);
    } finally {
      core.close();
    }
  });

  it('still lists a live claim whose span is gone, where the store holds one', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk'), analystName: 'Rana' });
    const call = caller(core);
    const report = await core.importPaths([REPORTS[1]!]);
    const documentId = report.files[0]!.status === 'imported' ? report.files[0]!.documentId : '';
    const { text } = await call('documents:get', { id: documentId });
    const words = text.split(/\s+/).filter((w) => /^[A-Za-z]{6,}$/.test(w)).slice(0, 3);
    const claims = [];
    for (const w of words) {
      const start = text.indexOf(w);
      claims.push(await call('spans:create', { documentId, kind: 'claim', start, end: start + w.length, exact: w }));
    }
    // No service leaves this behind (deleting a claim's span deletes the claim), but a damaged or
    // hand-edited project might: the claim must not vanish from view.
    core.db.prepare(`UPDATE spans SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`).run(claims[1]!.id);
    const lean = await call('annotations:get', { documentId });
    const reference = referenceRead(core.db, documentId)!;
    expect(canonical(lean)).toEqual(canonical(reference));
    expect(lean.claims.map((c) => c.id).sort()).toEqual(claims.map((c) => c.id).sort());
    expect(lean.spans).toHaveLength(2);
    core.close();
  });

  it("reads the tags on a document's spans from one index range, however the tagging was made", async () => {
    const core = await goldProject();
    try {
      const plan = (sql: string, ...params: unknown[]) =>
        (core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
      // The spans are read without touching taggings; their tags come from the covering index.
      expect(plan(`SELECT span_id, tag_id FROM taggings WHERE span_document_id = ? AND deleted_at IS NULL ORDER BY seq`, 'x')).toEqual([
        'SEARCH taggings USING COVERING INDEX taggings_span_document (span_document_id=?)',
      ]);
      const call = caller(core);
      const documentId = core.db.prepare(`SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY seq LIMIT 1`).pluck().get() as string;
      const before = await call('annotations:get', { documentId });
      expect(before.spans.some((s) => s.tagIds.length > 0)).toBe(true); // the reference tags claims
      const untagged = before.spans.filter((s) => s.tagIds.length === 0);
      const [first, second] = [untagged[0]!, untagged[1]!];
      const tag = await call('tags:create', { name: 'Checked', parentId: null, color: null });
      const tagsOf = async (spanId: string) => (await call('annotations:get', { documentId })).spans.find((s) => s.id === spanId)!.tagIds;

      await call('tags:apply', { tagId: tag.id, spanId: first.id });
      expect(await tagsOf(first.id)).toEqual([tag.id]);
      await call('history:undo', {});
      expect(await tagsOf(first.id)).toEqual([]);
      await call('history:redo', {});
      expect(await tagsOf(first.id)).toEqual([tag.id]);

      // A row written straight into the table, as a pack merge writes it, is found too.
      core.db
        .prepare(`INSERT INTO taggings (id, origin, created_at, created_by, updated_at, tag_id, span_id) VALUES (?, 'pack', ?, ?, ?, ?, ?)`)
        .run('01900000-0000-7000-8000-00000000beef', '2026-01-01T00:00:00.000Z', core.identity.analystId, '2026-01-01T00:00:00.000Z', tag.id, second.id);
      expect(await tagsOf(second.id)).toEqual([tag.id]);
      // A tagging pointed at another span follows it.
      core.db.prepare(`UPDATE taggings SET span_id = ? WHERE id = '01900000-0000-7000-8000-00000000beef'`).run(untagged[2]!.id);
      expect(await tagsOf(second.id)).toEqual([]);
      expect(await tagsOf(untagged[2]!.id)).toEqual([tag.id]);
      // Tags of another document's spans are not this document's.
      const other = core.db.prepare(`SELECT id FROM documents WHERE deleted_at IS NULL AND id <> ? ORDER BY seq LIMIT 1`).pluck().get(documentId) as string;
      const otherSpan = (await call('annotations:get', { documentId: other })).spans[0]!;
      await call('tags:apply', { tagId: tag.id, spanId: otherSpan.id });
      const after = await call('annotations:get', { documentId });
      expect(after.spans.filter((s) => s.tagIds.includes(tag.id)).map((s) => s.id).sort()).toEqual([first.id, untagged[2]!.id].sort());
    } finally {
      core.close();
    }
  });

  it('finds the tags of a project made before span taggings knew their document (migration 8)', async () => {
    const file = path.join(tempDir(), 'old.claimdesk');
    const core = await goldProject(file);
    const documents = core.db.prepare(`SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY seq`).pluck().all() as string[];
    const before = await Promise.all(documents.map((documentId) => core.services['annotations:get']({ documentId })));
    expect(before.flatMap((a) => a.spans).filter((s) => s.tagIds.length > 0).length).toBeGreaterThan(10);
    core.close();
    // Take the project back to format 7: no derived column, no index, no triggers keeping it.
    const raw = new Database(file);
    raw.exec(`DROP INDEX taggings_span_document; DROP TRIGGER taggings_span_document_insert; DROP TRIGGER taggings_span_document_update;
      ALTER TABLE taggings DROP COLUMN span_document_id;`);
    raw.exec(BEFORE_MIGRATION_11);
    raw.pragma('user_version = 7');
    raw.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
    const reopened = createCore({ dbPath: file, analystName: 'Reference analyst' });
    try {
      const after = await Promise.all(documents.map((documentId) => reopened.services['annotations:get']({ documentId })));
      expect(after).toEqual(before);
    } finally {
      reopened.close();
    }
  });

  it('reads through any number of repositories on one connection', async () => {
    const core = await goldProject();
    const documentId = core.db.prepare(`SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY seq LIMIT 1`).pluck().get() as string;
    const before = await core.services['annotations:get']({ documentId });
    const second = new AnnotationRepository(core.db);
    const seen = new Set<string>();
    expect(second.forEachSpan(documentId, (_seq, id) => seen.add(id))).toBeGreaterThanOrEqual(before.spans.length);
    expect(seen).toEqual(new Set(before.spans.map((s) => s.id)));
    expect(await core.services['annotations:get']({ documentId })).toEqual(before);
    core.close();
  });

  it('refuses a document that does not exist or was deleted', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk'), analystName: 'Rana' });
    const report = await core.importPaths([REPORTS[2]!]);
    const documentId = report.files[0]!.status === 'imported' ? report.files[0]!.documentId : '';
    await core.services['documents:delete']({ ids: [documentId] });
    for (const id of [documentId, '01900000-0000-7000-8000-000000000000']) {
      const answer = await core.dispatch('annotations:get', { documentId: id });
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('NOT_FOUND');
    }
    core.close();
  });
});

/**
 * Merging a pack's analysts, tags, documents and sources (annotations follow in merge-annotations.ts).
 *
 * - Analysts are added by id (their display names, so the history says who did what).
 * - Tags match by id, else by name under the same parent (case-insensitive, as the codebook is unique).
 * - Documents match by the SHA-256 of their text, so a pack's copy of a report this project already
 *   has is the same document; a new one is stored like an import (search index, original bytes,
 *   provenance records).
 * - Sources match by id only. A pack source whose name or alias equals one of ours under another id
 *   is created as its own source and the pair is proposed for merging, never merged by force.
 */
import { foldForIndex } from '../../../shared/text/fold.ts';
import type { SourceRecord, TagRecord } from '../../../shared/pack-format.ts';
import { newId } from '../ids.ts';
import type { MergeState } from './merge-context.ts';
import { differences, same } from './merge-context.ts';
import type { PackDocument, PackRecords } from './pack-model.ts';

export function mergeAnalysts(s: MergeState, content: PackRecords): void {
  for (const a of content.analysts) {
    if (!s.deps.packs.analystExists(a.id)) s.deps.packs.insertAnalyst(a.id, a.name, s.group.at);
  }
}

/** Parents before children, so a child's parent is always mapped when it is merged. */
function parentsFirst(tags: TagRecord[]): TagRecord[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out: TagRecord[] = [];
  const placed = new Set<string>();
  const place = (t: TagRecord, depth = 0) => {
    if (placed.has(t.id) || depth > 100) return;
    const parent = t.parentId ? byId.get(t.parentId) : undefined;
    if (parent) place(parent, depth + 1);
    placed.add(t.id);
    out.push(t);
  };
  for (const t of tags) place(t);
  return out;
}

export function mergeTags(s: MergeState, content: PackRecords): void {
  const { entities } = s.deps.annotation.ctx;
  const live = s.deps.packs.liveTags();
  for (const t of parentsFirst(content.tags)) {
    const parent = t.parentId ? (s.tagIds.get(t.parentId) ?? null) : null;
    const values = { name: t.name, parent_id: parent, color: t.color, merged_into: null };
    const local = entities.get('tag', t.id);
    if (local && local.deleted_at === null) {
      s.tagIds.set(t.id, t.id);
      s.unchanged.tags++;
      if (!same([local.name, local.parent_id, local.color], [t.name, parent, t.color])) {
        s.conflict('tag', t.id, t, `Tag “${local.name as string}” differs in the pack (“${t.name}”); ours was kept.`);
      }
    } else if (local) {
      if (!local.merged_into && s.mayRevive('tag', t.id)) {
        s.revive('tag', t.id, values);
        s.tagIds.set(t.id, t.id);
        s.added.tags++;
      } else {
        s.tagIds.set(t.id, (local.merged_into as string | null) ?? null);
        s.keptDeleted++;
      }
    } else {
      const twin = live.find((x) => x.parent_id === parent && x.name.toLowerCase() === t.name.toLowerCase());
      if (twin) {
        s.tagIds.set(t.id, twin.id);
        s.unchanged.tags++;
      } else {
        s.insert('tag', t.id, values, t);
        live.push({ id: t.id, name: t.name, parent_id: parent });
        s.tagIds.set(t.id, t.id);
        s.added.tags++;
      }
    }
  }
}

export function mergeDocuments(s: MergeState, content: PackRecords): void {
  const { documents, packs, oplog } = s.deps;
  for (const d of content.documents) {
    const r = d.record;
    const local = documents.findBySha(r.sha256);
    let id: string | null;
    if (local && local.deletedAt === null) {
      id = local.id;
      s.unchanged.documents++;
      const diff = differences([
        ['title', local.title, r.title], ['outlet', local.outlet, r.outlet], ['author', local.author, r.author], ['url', local.url, r.url],
        ['published', local.published, r.published],
      ]);
      if (diff) s.conflict('document', local.id, r, `The metadata of “${local.title ?? 'untitled'}” differs in the pack (${diff}); ours was kept.`, undefined, local.id);
    } else if (local) {
      const row = packs.documentById(local.id);
      if (row && s.mayRevive('document', local.id)) {
        const meta = { title: r.title, outlet: r.outlet, author: r.author, url: r.url, published: r.published };
        documents.write(local.id, { ...meta, deleted_at: null }, s.group.at);
        documents.indexInsert(local.seq, foldForIndex(r.title ?? ''), foldForIndex(d.text));
        oplog.record(s.group, 'document.restore', 'document', local.id, { deleted_at: local.deletedAt }, { ...meta, deleted_at: null });
        s.writes++;
        s.added.documents++;
        id = local.id;
      } else {
        s.keptDeleted++;
        id = null;
      }
    } else {
      id = packs.documentById(r.id) ? newId() : r.id;
      insertDocument(s, d, id);
      s.added.documents++;
    }
    s.documentIds.set(r.id, id);
    if (id === null) continue;
    for (const imp of r.imports) {
      if (packs.importExists(imp.id)) continue;
      documents.insertImport({
        id: imp.id, origin: s.packId, documentId: id, batchId: s.mergeId, analystId: s.analyst(imp.analyst), importedAt: imp.importedAt,
        fileName: imp.fileName, filePath: null, encoding: imp.encoding, byteLength: imp.byteLength,
        originalBytes: imp.original ? d.original : null, sidecar: null, proposed: null, duplicate: imp.duplicate,
      });
      oplog.record(s.group, 'document_import.create', 'document_import', imp.id, null, { deleted_at: null });
      s.writes++;
    }
    for (const tagId of r.tags) {
      const local = s.tagIds.get(tagId);
      if (local && !packs.documentTaggingExists(local, id)) {
        s.insert('tagging', newId(), { tag_id: local, span_id: null, document_id: id }, { revision: 1, created: s.group.at, modified: s.group.at, creator: null });
      }
    }
  }
}

function insertDocument(s: MergeState, d: PackDocument, id: string): void {
  const r = d.record;
  const seq = s.deps.documents.insert({
    id, origin: s.packId, createdAt: r.created, createdBy: s.analyst(r.creator), sha256: r.sha256, text: d.text,
    title: r.title, outlet: r.outlet, author: r.author, url: r.url, published: r.published,
    language: r.language, direction: r.direction, wordCount: r.wordCount,
  });
  s.deps.documents.indexInsert(seq, foldForIndex(r.title ?? ''), foldForIndex(d.text));
  const meta = { title: r.title, outlet: r.outlet, author: r.author, url: r.url, published: r.published };
  s.deps.oplog.record(s.group, 'document.import', 'document', id, null, { ...meta, deleted_at: null });
  s.writes++;
}

export function mergeSources(s: MergeState, content: PackRecords): void {
  const { entities } = s.deps.annotation.ctx;
  const live = s.deps.packs.liveSources().map((x) => ({ id: x.id, keys: namesOf(x.name, JSON.parse(x.aliases) as string[]), name: x.name }));
  for (const src of content.sources) {
    const scope = src.scopeDocumentId ? (s.documentIds.get(src.scopeDocumentId) ?? null) : null;
    const values = {
      name: src.name, type: src.type, affiliation: src.affiliation, aliases: JSON.stringify(src.aliases), reliability: src.reliability,
      scope_document_id: scope, merged_into: null,
    };
    let local = entities.get('source', src.id);
    // A source merged into another here: its records now belong to the one it was merged into.
    for (let hops = 0; local?.merged_into && hops < 50; hops++) local = entities.get('source', local.merged_into as string);
    if (local && local.deleted_at === null) {
      s.sourceIds.set(src.id, local.id);
      s.unchanged.sources++;
      const [name, type, affiliation, aliases, reliability, scoped] = sourceContent(local);
      const diff = local.id !== src.id ? '' : differences([
        ['name', name, src.name], ['type', type, src.type], ['affiliation', affiliation, src.affiliation], ['aliases', aliases, src.aliases],
        ['reliability', reliability, src.reliability], ['document', scoped, scope],
      ]);
      if (diff) s.conflict('source', src.id, src, `Source “${local.name as string}” differs in the pack (${diff}); ours was kept and theirs recorded.`);
    } else if (local) {
      s.sourceIds.set(src.id, local.id);
      if (s.mayRevive('source', local.id)) {
        s.revive('source', local.id, values);
        s.added.sources++;
      } else s.keptDeleted++;
    } else {
      s.insert('source', src.id, values, src);
      s.sourceIds.set(src.id, src.id);
      s.added.sources++;
      const keys = namesOf(src.name, src.aliases);
      const twin = live.find((x) => x.keys.some((k) => keys.includes(k)) && sameScope(s, x.id, scope));
      if (twin) {
        s.proposed.push({
          packSourceId: src.id, packName: src.name, localSourceId: twin.id, localName: twin.name,
          reason: `Same name or alias (“${twin.keys.find((k) => keys.includes(k))}”) under a different id.`,
          resolution: null,
        });
      }
    }
    mergeGrades(s, src);
  }
}

const namesOf = (name: string, aliases: string[]) => [name, ...aliases].map((n) => n.trim().toLowerCase()).filter(Boolean);

function sameScope(s: MergeState, localId: string, scope: string | null): boolean {
  const row = s.deps.annotation.ctx.entities.get('source', localId);
  return ((row?.scope_document_id as string | null) ?? null) === scope;
}

function sourceContent(row: Record<string, unknown>): unknown[] {
  return [row.name, row.type, row.affiliation ?? null, JSON.parse(row.aliases as string), row.reliability ?? null, row.scope_document_id ?? null];
}

function mergeGrades(s: MergeState, src: SourceRecord): void {
  const sourceId = s.sourceIds.get(src.id);
  if (!sourceId) return;
  for (const g of src.grades) {
    if (s.deps.packs.gradeExists(g.id)) continue;
    s.deps.packs.insertGrade({ id: g.id, source_id: sourceId, grade: g.grade, reason: g.reason, analyst_id: s.analyst(g.analyst), at: g.at });
    s.writes++;
  }
}

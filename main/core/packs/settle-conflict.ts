/**
 * Deciding a merge's conflicts, and reading back what was decided.
 *
 * An annotation conflict is decided by deleting one of its two versions (ours, or their conflict
 * copy): nothing is stored, the list reads it from what is live. A conflict on a document's metadata,
 * a source or a tag has no copy; it is settled (`packs:settle`): keep ours as it is, or apply theirs
 * to ours. Either is one undo step, labelled with what it settled; undoing it takes back the values
 * applied and the settlement together, and the conflict is open again.
 *
 * Applying theirs writes what the pack's version says through the same logged writes as an edit:
 * a document's title, outlet, author, link and date; a source's name, type, affiliation and aliases,
 * and its grade as a new entry in its grade history ("Their grade, from pack …"); a tag's name and
 * colour. What those edits cannot express is left as ours: a source's scope (a document of the pack,
 * which may have another id here) and a tag's place in the codebook (moving it is the codebook's
 * own decision).
 */
import type { MergeConflict, MergeRecord, ProposedSourceMerge } from '../../../shared/pack-schemas.ts';
import type { DocumentSnapshot } from '../documents/document-repository.ts';
import { action, quote, type AnnotationContext } from '../annotations/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Group } from '../history/oplog.ts';
import type { SourceService } from '../annotations/source-service.ts';
import type { TagService } from '../annotations/tag-service.ts';
import { Reliability, SourceType, type Source } from '../../../shared/annotation-schemas.ts';
import { settlementKey, type ConflictRow, type MergeRow, type PackRepository } from './pack-repository.ts';

export interface SettleDeps {
  ctx: AnnotationContext;
  /** The edits theirs is applied through, with their checks (a source's aliases, a tag's unique name). */
  sources: Pick<SourceService, 'applyUpdate' | 'applyGrade'>;
  tags: Pick<TagService, 'applyUpdate'>;
  packs: PackRepository;
  /** A document's metadata written in the caller's group (DocumentService.applyMeta). */
  applyDocumentMeta: (group: Group, id: string, meta: DocumentSnapshot) => void;
  /** A document's current metadata, or null once it is deleted. */
  documentMeta: (id: string) => DocumentSnapshot | null;
}

export type SettleType = 'document' | 'source' | 'tag';

const NONE = { settled: null, settled_at: null, settled_by: null };

export function settleConflict(d: SettleDeps, mergeId: string, type: SettleType, id: string, keep: 'ours' | 'theirs'): void {
  const merge = d.packs.merge(mergeId);
  if (!merge) throw new NotFoundError('Merge', mergeId);
  if (merge.state === 'undone') throw new ValidationError('This merge was undone, and its conflicts with it: there is nothing to settle. Redo the merge to settle them.');
  const row = d.packs.conflictOf(mergeId, type, id);
  if (!row) throw new NotFoundError(`A ${type} conflict of this merge on`, id);
  if (row.settled) {
    throw new ConflictError(`This conflict is settled already (${row.settled === 'ours' ? 'ours kept' : 'theirs used'}). Undo that to choose again.`);
  }
  const name = nameOf(d, type, id);
  if (name === null) throw new ValidationError(`The ${type} was deleted here since the merge: there is nothing to settle.`);
  const label = keep === 'ours' ? `Keep our version of ${name}` : `Use their version of ${name} (pack ${merge.name})`;
  action(d.ctx, label, (group) => {
    if (keep === 'theirs') applyTheirs(d, group, row, merge.name);
    const after = { settled: keep, settled_at: group.at, settled_by: group.analystId };
    d.packs.writeSettlement(row.id, after);
    d.ctx.oplog.record(group, 'pack_conflict.settle', 'pack_conflict', row.id, NONE, after);
  });
}

/** The log's applier for `pack_conflict`: an undo writes the settlement back as it was (none), a redo as it became. */
export function settlementApplier(packs: PackRepository) {
  return (id: string, snapshot: Record<string, unknown> | null) => {
    const s = snapshot ?? NONE;
    packs.writeSettlement(id, {
      settled: (s.settled as string | null) ?? null, settled_at: (s.settled_at as string | null) ?? null, settled_by: (s.settled_by as string | null) ?? null,
    });
  };
}

/** How the record is called in labels, or null when it is no longer live. */
function nameOf(d: SettleDeps, type: SettleType, id: string): string | null {
  if (type === 'document') {
    const meta = d.documentMeta(id);
    return meta ? `the metadata of ${meta.title ? quote(meta.title) : 'an untitled document'}` : null;
  }
  const row = d.ctx.entities.live(type, id);
  return row ? `${type} ${quote(row.name as string)}` : null;
}

function applyTheirs(d: SettleDeps, group: Group, row: ConflictRow, packName: string): void {
  const theirs = JSON.parse(row.theirs) as Record<string, unknown>;
  const text = (k: string) => (typeof theirs[k] === 'string' ? (theirs[k] as string) : null);
  if (row.entity_type === 'document') {
    const ours = d.documentMeta(row.entity_id)!;
    const meta: DocumentSnapshot = {};
    for (const k of ['title', 'outlet', 'author', 'url', 'published'] as const) if ((ours[k] ?? null) !== text(k)) meta[k] = text(k);
    if (Object.keys(meta).length > 0) d.applyDocumentMeta(group, row.entity_id, meta);
  } else if (row.entity_type === 'source') {
    const aliases = Array.isArray(theirs.aliases) ? theirs.aliases.filter((a): a is string => typeof a === 'string') : [];
    const type = text('type');
    d.sources.applyUpdate(group, row.entity_id, {
      ...(text('name') ? { name: text('name')! } : {}), ...(isSourceType(type) ? { type } : {}), affiliation: text('affiliation'), aliases,
    });
    const current = (d.ctx.entities.live('source', row.entity_id)!.reliability as string | null) ?? null;
    const grade = text('reliability');
    // As a grade given here: the source's reliability, its log entry, and a line in its grade history.
    if (grade !== current && isReliability(grade)) d.sources.applyGrade(group, row.entity_id, grade, `Their grade, from pack ${packName}.`);
  } else {
    d.tags.applyUpdate(group, row.entity_id, { ...(text('name') ? { name: text('name')! } : {}), color: text('color') });
  }
}

const isSourceType = (v: string | null): v is Source['type'] => v !== null && (SourceType.options as readonly string[]).includes(v);
const isReliability = (v: string | null): v is Source['reliability'] => v === null || (Reliability.options as readonly string[]).includes(v);

/**
 * Each conflict of a merge as the list shows it: decided or not, and how. A merge taken back with
 * Undo shows none decided (its copies went with it; nothing was chosen).
 */
function withResolutions(d: SettleDeps, merge: { id: string; undone: boolean }, conflicts: readonly MergeConflict[], settled: ReadonlyMap<string, 'ours' | 'theirs'>): MergeConflict[] {
  return conflicts.map((c) => {
    const resolution = merge.undone ? null : resolutionOf(d, merge.id, c, settled);
    return { ...c, resolved: resolution !== null, resolution };
  });
}

function resolutionOf(d: SettleDeps, mergeId: string, c: MergeConflict, settled: ReadonlyMap<string, 'ours' | 'theirs'>): MergeConflict['resolution'] {
  const span = (id: string) => d.ctx.entities.live('span', id) !== undefined;
  if (c.type === 'annotation') {
    if (c.copyId === null) return null;
    const [ours, copy] = [span(c.id), span(c.copyId)];
    return ours && copy ? null : ours ? 'ours' : copy ? 'theirs' : 'deleted';
  }
  const decided = settled.get(settlementKey(mergeId, c.type, c.id));
  if (decided) return decided;
  const live = c.type === 'document' ? d.documentMeta(c.id) !== null : d.ctx.entities.live(c.type, c.id) !== undefined;
  return live ? null : 'deleted';
}

/** A proposed source merge as decided since: merged (either way round), one of the two gone otherwise, or open. */
function proposalResolution(d: SettleDeps, p: ProposedSourceMerge): ProposedSourceMerge['resolution'] {
  const { entities } = d.ctx;
  if (entities.live('source', p.packSourceId) && entities.live('source', p.localSourceId)) return null;
  const into = (id: string) => (entities.get('source', id)?.merged_into as string | null | undefined) ?? null;
  return into(p.packSourceId) === p.localSourceId || into(p.localSourceId) === p.packSourceId ? 'merged' : 'gone';
}

/** The merges as `packs:merges` lists them, decided conflicts and proposals marked. */
export function mergeRecords(d: SettleDeps, rows: readonly MergeRow[], parse: (report: string) => MergeRecord['report'] | null): MergeRecord[] {
  const settled = d.packs.settlements(rows.map((r) => r.id));
  return rows.flatMap((m) => {
    const report = parse(m.report);
    if (!report) return [];
    const undone = m.state === 'undone';
    const proposedSourceMerges = report.proposedSourceMerges.map((p) => ({ ...p, resolution: undone ? null : proposalResolution(d, p) }));
    return [{ id: m.id, at: m.at, analyst: m.analyst, undone, report: { ...report, conflicts: withResolutions(d, { id: m.id, undone }, report.conflicts, settled), proposedSourceMerges } }];
  });
}

/**
 * Sources: one record per real-world speaker across the project, with aliases, a reliability grade
 * (A-F) and its history. A source in use is never deleted out from under its attributions: the
 * caller must name a source to reassign them to. Merging moves everything that pointed at the merged
 * source (attributions, mentions, relays) to the kept one and keeps the merged name as an alias; it
 * is one undo unit, so undo splits them again.
 */
import type { Source } from '../../../shared/annotation-schemas.ts';
import { DomainError, ValidationError } from '../errors.ts';
import type { Group } from '../history/oplog.ts';
import { newId } from '../ids.ts';
import { action, type AnnotationContext } from './context.ts';
import { toSource } from './mappers.ts';
import type { ClaimService } from './claim-service.ts';

export interface NewSource {
  name: string;
  type: Source['type'];
  affiliation?: string | null | undefined;
  aliases?: string[] | undefined;
  scopeDocumentId?: string | null | undefined;
  mentionSpanId?: string | null | undefined;
}

const cleanAliases = (aliases: string[], name: string) => {
  const seen = new Set([name.trim().toLowerCase()]);
  const out: string[] = [];
  for (const a of aliases.map((x) => x.trim()).filter(Boolean)) {
    if (seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
    out.push(a);
  }
  return out;
};

export class SourceService {
  constructor(
    private readonly ctx: AnnotationContext,
    private readonly claims: ClaimService,
  ) {
    // Undo/redo of a grade keeps the grade history truthful: the restored grade is recorded too.
    ctx.oplog.onReplay((touched) => {
      for (const t of touched) {
        if (t.entityType === 'source' && t.snapshot && 'reliability' in t.snapshot) {
          ctx.repo.insertGrade(newId(), t.entityId, (t.snapshot.reliability as string | null) ?? null, 'Restored by undo or redo', ctx.analystId(), new Date().toISOString());
        }
      }
    });
  }

  list(query: string, limit: number) {
    return this.ctx.repo.searchSources(query.trim(), limit).map((r) => ({ ...toSource(r), attributions: r.attributions, documents: r.documents }));
  }

  get(id: string) {
    const row = this.ctx.changes.require('source', id);
    return { ...toSource(row), grades: this.ctx.repo.grades(id), usage: this.ctx.repo.usage(id) };
  }

  create(input: NewSource): Source {
    return action(this.ctx, `Add source ${input.name.trim()}`, (group) => this.createIn(group, input));
  }

  createIn(group: Group, input: NewSource): Source {
    const { ctx } = this;
    const name = input.name.trim();
    if (!name) throw new ValidationError('A source needs a name.');
    if (input.scopeDocumentId && !ctx.documents.get(input.scopeDocumentId)) throw new ValidationError('That document does not exist.');
    const id = ctx.changes.create(group, 'source', {
      name,
      type: input.type,
      affiliation: input.affiliation?.trim() || null,
      aliases: JSON.stringify(cleanAliases(input.aliases ?? [], name)),
      reliability: null,
      scope_document_id: input.scopeDocumentId ?? null,
      merged_into: null,
    });
    if (input.mentionSpanId) {
      const span = ctx.changes.require('span', input.mentionSpanId);
      if (span.kind !== 'source') throw new ValidationError('Only a source mention can name a source; mark the text as “Source” first.');
      ctx.changes.update(group, 'span', input.mentionSpanId, { source_id: id });
    }
    return toSource(ctx.changes.require('source', id));
  }

  update(id: string, revision: number, patch: Partial<Pick<Source, 'name' | 'type' | 'affiliation' | 'aliases'>>): Source {
    const row = this.ctx.changes.require('source', id);
    return action(this.ctx, `Edit source ${row.name as string}`, (group) => toSource(this.applyUpdate(group, id, patch, revision)));
  }

  /** An edit in a group the caller has begun (`update`, and a pack conflict settled with theirs). */
  applyUpdate(group: Group, id: string, patch: Partial<Pick<Source, 'name' | 'type' | 'affiliation' | 'aliases'>>, revision?: number) {
    const row = this.ctx.changes.require('source', id);
    const values: Record<string, unknown> = {};
    const name = patch.name?.trim() ?? (row.name as string);
    if (patch.name !== undefined) {
      if (!name) throw new ValidationError('A source needs a name.');
      values.name = name;
    }
    if (patch.type !== undefined) values.type = patch.type;
    if (patch.affiliation !== undefined) values.affiliation = patch.affiliation?.trim() || null;
    if (patch.aliases !== undefined) values.aliases = JSON.stringify(cleanAliases(patch.aliases, name));
    return this.ctx.changes.update(group, 'source', id, values, revision);
  }

  grade(id: string, grade: Source['reliability'], reason: string): Source {
    const row = this.ctx.changes.require('source', id);
    return action(this.ctx, `Grade ${row.name as string} ${grade ?? 'ungraded'}`, (group) => {
      this.applyGrade(group, id, grade, reason);
      return toSource(this.ctx.changes.require('source', id));
    });
  }

  /** A grade in a group the caller has begun: the reliability, its log entry, a line of grade history. */
  applyGrade(group: Group, id: string, grade: Source['reliability'], reason: string): void {
    const row = this.ctx.changes.require('source', id);
    const before = { reliability: row.reliability ?? null };
    const after = { reliability: grade, grade_reason: reason.trim() };
    this.ctx.entities.write('source', id, { reliability: grade }, group.at);
    this.ctx.oplog.record(group, 'source.grade', 'source', id, before, after);
    this.ctx.repo.insertGrade(newId(), id, grade, reason.trim(), group.analystId, group.at);
  }

  delete(id: string, reassignTo?: string): { deleted: boolean; reassigned: number } {
    const { ctx } = this;
    const row = ctx.changes.require('source', id);
    const usage = ctx.repo.usage(id);
    const inUse = usage.attributions + usage.mentions + usage.relays;
    if (inUse > 0 && !reassignTo) {
      throw new DomainError(
        'SOURCE_IN_USE',
        `${row.name as string} is used by ${plural(usage.attributions, 'attribution')}, ${plural(usage.mentions, 'mention')} and ${plural(usage.relays, 'relay')}. ` +
          'Choose a source to reassign them to, or keep it.',
        usage,
      );
    }
    if (reassignTo === id) throw new ValidationError('Choose a different source to reassign to.');
    if (reassignTo) ctx.changes.require('source', reassignTo);
    return action(ctx, `Delete source ${row.name as string}`, (group) => {
      const reassigned = reassignTo ? this.moveReferences(group, id, reassignTo) : 0;
      ctx.changes.remove(group, 'source', id);
      return { deleted: true, reassigned };
    });
  }

  merge(keepId: string, mergeId: string): Source {
    const { ctx } = this;
    if (keepId === mergeId) throw new ValidationError('Choose two different sources to merge.');
    const keep = ctx.changes.require('source', keepId);
    const gone = ctx.changes.require('source', mergeId);
    return action(ctx, `Merge ${gone.name as string} into ${keep.name as string}`, (group) => {
      this.moveReferences(group, mergeId, keepId);
      const aliases = cleanAliases(
        [...(JSON.parse(keep.aliases as string) as string[]), gone.name as string, ...(JSON.parse(gone.aliases as string) as string[])],
        keep.name as string,
      );
      const scope = keep.scope_document_id === gone.scope_document_id ? keep.scope_document_id : null;
      ctx.changes.update(group, 'source', keepId, {
        aliases: JSON.stringify(aliases),
        scope_document_id: scope,
        affiliation: keep.affiliation ?? gone.affiliation ?? null,
        reliability: keep.reliability ?? gone.reliability ?? null,
      });
      ctx.changes.update(group, 'source', mergeId, { merged_into: keepId });
      ctx.changes.remove(group, 'source', mergeId);
      return toSource(ctx.changes.require('source', keepId));
    });
  }

  /** Points every attribution, mention and relay at `to` instead of `from`. Returns how many rows moved. */
  private moveReferences(group: Group, from: string, to: string): number {
    const { ctx } = this;
    const refs = ctx.repo.referencesTo(from);
    const touchedClaims = new Set<string>();
    for (const id of refs.attributions) {
      const row = ctx.changes.update(group, 'attribution', id, { source_id: to });
      touchedClaims.add(row.claim_id as string);
    }
    for (const id of refs.mentions) ctx.changes.update(group, 'span', id, { source_id: to });
    for (const id of refs.relays) {
      const row = ctx.changes.require('attribution', id);
      const via = [...new Set((JSON.parse(row.via as string) as string[]).map((v) => (v === from ? to : v)))];
      ctx.changes.update(group, 'attribution', id, { via: JSON.stringify(via) });
      touchedClaims.add(row.claim_id as string);
    }
    for (const c of touchedClaims) this.claims.recomputeLinked(c);
    return refs.attributions.length + refs.mentions.length + refs.relays.length;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

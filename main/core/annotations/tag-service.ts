/**
 * The codebook: hierarchical tags with colours, on spans and on documents. Renaming, moving (never
 * under one of its own descendants) and merging are each one undo unit; a merge moves the merged
 * tag's taggings and children to the kept tag.
 */
import type { Tag } from '../../../shared/annotation-schemas.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import type { Group } from '../history/oplog.ts';
import { action, type AnnotationContext } from './context.ts';
import { toTag } from './mappers.ts';

export class TagService {
  constructor(private readonly ctx: AnnotationContext) {}

  list(): Tag[] {
    return this.ctx.repo.tags().map(toTag);
  }

  create(name: string, parentId?: string | null, color?: string | null): Tag {
    const clean = name.trim();
    if (!clean) throw new ValidationError('A tag needs a name.');
    if (parentId) this.ctx.changes.require('tag', parentId);
    this.checkUnique(clean, parentId ?? null);
    return action(this.ctx, `Add tag ${clean}`, (group) =>
      toTag(this.ctx.changes.require('tag', this.ctx.changes.create(group, 'tag', { name: clean, parent_id: parentId ?? null, color: color ?? null, merged_into: null }))),
    );
  }

  /** Finds a tag by name under a parent, creating it if needed (the gold loader uses this). */
  ensure(group: Group, name: string, color: string | null = null): string {
    const existing = this.ctx.repo.tags().find((t) => t.parent_id === null && t.name.toLowerCase() === name.toLowerCase());
    return existing?.id ?? this.ctx.changes.create(group, 'tag', { name, parent_id: null, color, merged_into: null });
  }

  update(id: string, revision: number, patch: { name?: string; parentId?: string | null; color?: string | null }): Tag {
    const row = this.ctx.changes.require('tag', id);
    const name = patch.name?.trim() ?? (row.name as string);
    const label = patch.name && patch.name !== row.name ? `Rename tag ${row.name as string} to ${name}` : `Edit tag ${row.name as string}`;
    return action(this.ctx, label, (group) => toTag(this.applyUpdate(group, id, patch, revision)));
  }

  /** An edit in a group the caller has begun (`update`, and a pack conflict settled with theirs). */
  applyUpdate(group: Group, id: string, patch: { name?: string; parentId?: string | null; color?: string | null }, revision?: number) {
    const row = this.ctx.changes.require('tag', id);
    const values: Record<string, unknown> = {};
    const name = patch.name?.trim() ?? (row.name as string);
    const parent = patch.parentId !== undefined ? patch.parentId : ((row.parent_id as string | null) ?? null);
    if (patch.name !== undefined) {
      if (!name) throw new ValidationError('A tag needs a name.');
      values.name = name;
    }
    if (patch.parentId !== undefined) {
      if (patch.parentId) {
        this.ctx.changes.require('tag', patch.parentId);
        if (this.ctx.repo.tagAncestors(patch.parentId).includes(id)) throw new ValidationError('A tag cannot move under itself or one of its own sub-tags.');
      }
      values.parent_id = patch.parentId;
    }
    if (patch.color !== undefined) values.color = patch.color;
    if (values.name !== undefined || values.parent_id !== undefined) this.checkUnique(name, parent, id);
    return this.ctx.changes.update(group, 'tag', id, values, revision);
  }

  merge(keepId: string, mergeId: string): Tag {
    if (keepId === mergeId) throw new ValidationError('Choose two different tags to merge.');
    const keep = this.ctx.changes.require('tag', keepId);
    const gone = this.ctx.changes.require('tag', mergeId);
    if (this.ctx.repo.tagAncestors(keepId).includes(mergeId)) throw new ValidationError('A tag cannot be merged into one of its own sub-tags.');
    return action(this.ctx, `Merge tag ${gone.name as string} into ${keep.name as string}`, (group) => {
      const refs = this.ctx.repo.tagReferences(mergeId);
      for (const t of refs.taggings) {
        if (this.ctx.repo.findTagging(keepId, t.target)) this.ctx.changes.remove(group, 'tagging', t.id);
        else this.ctx.changes.update(group, 'tagging', t.id, { tag_id: keepId });
      }
      for (const child of refs.children) this.ctx.changes.update(group, 'tag', child, { parent_id: keepId });
      this.ctx.changes.update(group, 'tag', mergeId, { merged_into: keepId });
      this.ctx.changes.remove(group, 'tag', mergeId);
      return toTag(this.ctx.changes.require('tag', keepId));
    });
  }

  apply(tagId: string, target: { spanId?: string | undefined; documentId?: string | undefined }): boolean {
    const { id, column } = this.target(target);
    const tag = this.ctx.changes.require('tag', tagId);
    if (this.ctx.repo.findTagging(tagId, id)) return false;
    return action(this.ctx, `Tag with ${tag.name as string}`, (group) => {
      this.ctx.changes.create(group, 'tagging', { tag_id: tagId, [column]: id });
      return true;
    });
  }

  remove(tagId: string, target: { spanId?: string | undefined; documentId?: string | undefined }): boolean {
    const { id } = this.target(target);
    const tag = this.ctx.changes.require('tag', tagId);
    const tagging = this.ctx.repo.findTagging(tagId, id);
    if (!tagging) return false;
    return action(this.ctx, `Remove tag ${tag.name as string}`, (group) => this.ctx.changes.remove(group, 'tagging', tagging));
  }

  /**
   * An annotation's tags changed at once, as one undo step: `create` makes new top-level tags (each
   * name unique there) and applies them, `add` applies tags it does not have yet, `remove` takes off
   * those it has. Everything is checked before anything is written; nothing to change writes nothing.
   */
  set(spanId: string, change: { add: readonly string[]; remove: readonly string[]; create: readonly string[] }): { applied: number; removed: number; created: Tag[] } {
    const { ctx } = this;
    ctx.changes.require('span', spanId);
    const both = change.add.find((id) => change.remove.includes(id));
    if (both) throw new ValidationError('A tag cannot be both added and removed.');
    const tags = new Map([...change.add, ...change.remove].map((id) => [id, ctx.changes.require('tag', id)]));
    const names = change.create.map((n) => n.trim());
    if (names.some((n) => !n)) throw new ValidationError('A tag needs a name.');
    names.forEach((n, i) => {
      this.checkUnique(n, null);
      if (names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) !== i) throw new ValidationError(`“${n}” is named twice.`);
    });
    const apply = [...new Set(change.add)].filter((id) => !ctx.repo.findTagging(id, spanId));
    const untag = [...new Set(change.remove)].flatMap((id) => {
      const tagging = ctx.repo.findTagging(id, spanId);
      return tagging ? [{ id, tagging }] : [];
    });
    if (names.length === 0 && apply.length === 0 && untag.length === 0) return { applied: 0, removed: 0, created: [] };
    const name = (id: string) => tags.get(id)!.name as string;
    const label = `Edit tags: ${[...names.map((n) => `+${n}`), ...apply.map((id) => `+${name(id)}`), ...untag.map((u) => `−${name(u.id)}`)].join(' ')}`;
    return action(ctx, label, (group) => {
      const created = names.map((n) => ctx.changes.create(group, 'tag', { name: n, parent_id: null, color: null, merged_into: null }));
      for (const id of [...created, ...apply]) ctx.changes.create(group, 'tagging', { tag_id: id, span_id: spanId });
      for (const u of untag) ctx.changes.remove(group, 'tagging', u.tagging);
      return { applied: created.length + apply.length, removed: untag.length, created: created.map((id) => toTag(ctx.changes.require('tag', id))) };
    });
  }

  private target(target: { spanId?: string | undefined; documentId?: string | undefined }): { id: string; column: 'span_id' | 'document_id' } {
    if (Boolean(target.spanId) === Boolean(target.documentId)) throw new ValidationError('Tag either an annotation or a document.');
    if (target.spanId) {
      this.ctx.changes.require('span', target.spanId);
      return { id: target.spanId, column: 'span_id' };
    }
    if (!this.ctx.documents.get(target.documentId!)) throw new ValidationError('That document does not exist.');
    return { id: target.documentId!, column: 'document_id' };
  }

  private checkUnique(name: string, parentId: string | null, except?: string): void {
    const clash = this.ctx.repo.tags().find((t) => t.id !== except && t.parent_id === parentId && t.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new ConflictError(`There is already a tag “${clash.name}” there.`);
  }
}

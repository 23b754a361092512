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

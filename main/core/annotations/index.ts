/**
 * The annotation services, wired together and exposed as their contract channels. Derived data
 * (claim statuses, the search index without "not article" regions) is brought back in step after
 * every undo and redo.
 */
import type { ServiceMap } from '../../../shared/contract.ts';
import type { DocumentRepository } from '../documents/document-repository.ts';
import type { OpLog } from '../history/oplog.ts';
import type { Lane } from '../runtime.ts';
import type { Db } from '../store/database.ts';
import { AnnotationRepository } from './annotation-repository.ts';
import { Changes } from './changes.ts';
import { ClaimService } from './claim-service.ts';
import type { AnnotationContext } from './context.ts';
import { EntityRepository } from './entity-repository.ts';
import { SourceService } from './source-service.ts';
import { SpanService } from './span-service.ts';
import { TagService } from './tag-service.ts';

export interface AnnotationDeps {
  db: Db;
  oplog: OpLog;
  documents: DocumentRepository;
  origin: string;
  analystId: () => string;
  reindexDocument: (documentId: string) => void;
}

export function createAnnotation(deps: AnnotationDeps) {
  const entities = new EntityRepository(deps.db);
  const repo = new AnnotationRepository(deps.db);
  const ctx: AnnotationContext = {
    db: deps.db, entities, repo, changes: new Changes(entities, deps.oplog, deps.origin), oplog: deps.oplog,
    documents: deps.documents, analystId: deps.analystId, reindexDocument: deps.reindexDocument,
  };
  const claims = new ClaimService(ctx);
  const spans = new SpanService(ctx, claims);
  const sources = new SourceService(ctx, claims);
  const tags = new TagService(ctx);

  deps.oplog.onReplay((touched) => {
    const recompute = new Set<string>();
    const reindex = new Set<string>();
    for (const t of touched) {
      if (t.entityType === 'claim_link') {
        const link = entities.get('claim_link', t.entityId);
        if (link) recompute.add(link.to_claim_id as string);
      } else if (t.entityType === 'claim') recompute.add(t.entityId);
      else if (t.entityType === 'attribution') {
        const a = entities.get('attribution', t.entityId);
        if (a) recompute.add(a.claim_id as string);
      } else if (t.entityType === 'span') {
        const span = entities.get('span', t.entityId);
        if (span?.kind === 'excluded') reindex.add(span.document_id as string);
      }
    }
    for (const c of recompute) claims.recomputeLinked(c);
    for (const d of reindex) deps.reindexDocument(d);
  });

  return { ctx, claims, spans, sources, tags };
}

export type Annotation = ReturnType<typeof createAnnotation>;

type AnnotationChannels =
  | 'annotations:get' | 'spans:create' | 'spans:update' | 'spans:delete' | 'sources:list' | 'sources:get' | 'sources:create'
  | 'sources:update' | 'sources:grade' | 'sources:delete' | 'sources:merge' | 'attributions:create' | 'attributions:update'
  | 'attributions:delete' | 'claims:link' | 'claims:unlink' | 'claims:override' | 'claims:search' | 'tags:list' | 'tags:create'
  | 'tags:update' | 'tags:merge' | 'tags:apply' | 'tags:remove' | 'tags:set' | 'history:entity';

/** The channels, each run in the lane; `changed` tells listeners what to refresh. */
export function annotationServices(a: Annotation, lane: Lane, changed: (what: 'annotations' | 'documents') => void): Pick<ServiceMap, AnnotationChannels> {
  const write = <T>(fn: () => T) =>
    lane.run(() => {
      const out = fn();
      changed('annotations');
      return out;
    });
  const read = <T>(fn: () => T) => lane.run(fn);
  return {
    'annotations:get': ({ documentId }) => read(() => a.spans.forDocument(documentId)),
    'spans:create': (input) => write(() => a.spans.create(input)),
    'spans:update': ({ id, revision, patch }) => write(() => a.spans.update(id, revision, patch)),
    'spans:delete': ({ id }) => write(() => a.spans.delete(id)),
    'sources:list': ({ query, limit }) => read(() => a.sources.list(query, limit)),
    'sources:get': ({ id }) => read(() => a.sources.get(id)),
    'sources:create': (input) => write(() => a.sources.create(input)),
    'sources:update': ({ id, revision, patch }) => write(() => a.sources.update(id, revision, patch)),
    'sources:grade': ({ id, grade, reason }) => write(() => a.sources.grade(id, grade, reason)),
    'sources:delete': ({ id, reassignTo }) => write(() => a.sources.delete(id, reassignTo)),
    'sources:merge': ({ keepId, mergeId }) => write(() => a.sources.merge(keepId, mergeId)),
    'attributions:create': ({ claimId, ...input }) => write(() => a.claims.attribute(claimId, input)),
    'attributions:update': ({ id, revision, patch }) => write(() => a.claims.updateAttribution(id, revision, patch)),
    'attributions:delete': ({ id }) => write(() => ({ deleted: a.claims.deleteAttribution(id) })),
    'claims:link': ({ fromId, toId, relation, note }) => write(() => a.claims.link(fromId, toId, relation, note)),
    'claims:unlink': ({ id }) => write(() => ({ deleted: a.claims.unlink(id) })),
    'claims:override': ({ id, status, reason }) => write(() => a.claims.override(id, status, reason)),
    'claims:search': ({ query, limit, excludeId }) =>
      read(() => a.ctx.repo.searchClaims(query, limit, excludeId) as ReturnType<ServiceMap['claims:search']> extends Promise<infer R> ? R : never),
    'tags:list': () => read(() => a.tags.list()),
    'tags:create': ({ name, parentId, color }) => write(() => a.tags.create(name, parentId, color)),
    'tags:update': ({ id, revision, patch }) => write(() => a.tags.update(id, revision, patch)),
    'tags:merge': ({ keepId, mergeId }) => write(() => a.tags.merge(keepId, mergeId)),
    'tags:apply': ({ tagId, spanId, documentId }) => write(() => ({ applied: a.tags.apply(tagId, { spanId, documentId }) })),
    'tags:remove': ({ tagId, spanId, documentId }) => write(() => ({ removed: a.tags.remove(tagId, { spanId, documentId }) })),
    'tags:set': ({ spanId, add, remove, create }) => write(() => a.tags.set(spanId, { add, remove, create })),
    'history:entity': ({ type, id }) =>
      read(() => a.ctx.oplog.history(type, id).map(({ groupId: _g, ...entry }) => entry)),
  };
}

/** What the annotation services share: the connection, the repositories, and logged writes. */
import type { Db } from '../store/database.ts';
import type { Group, OpLog } from '../history/oplog.ts';
import type { DocumentRepository } from '../documents/document-repository.ts';
import type { AnnotationRepository } from './annotation-repository.ts';
import type { Changes } from './changes.ts';
import type { EntityRepository } from './entity-repository.ts';

export interface AnnotationContext {
  db: Db;
  entities: EntityRepository;
  repo: AnnotationRepository;
  changes: Changes;
  oplog: OpLog;
  documents: DocumentRepository;
  analystId: () => string;
  /** Rebuilds a document's search index row (after "not article" regions change). */
  reindexDocument: (documentId: string) => void;
}

/** Runs `fn` as one user action: one transaction, one undo unit with this label. */
export function action<T>(ctx: AnnotationContext, label: string, fn: (group: Group) => T): T {
  return ctx.db.transaction(() => fn(ctx.oplog.begin(label, ctx.analystId())))();
}

/** A short quote for labels in the undo history: “pro-Iranian Syrian army units…”. */
export function quote(text: string, max = 40): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `“${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}”`;
}

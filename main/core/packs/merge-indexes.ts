/**
 * Secondary indexes of the annotation tables built once, after a merge's rows are in, when the
 * project had no annotations before it (the common "open a colleague's pack in a new project" case).
 *
 * Each row inserted into an indexed table also inserts into every index of that table; for the
 * packs bench's 220,000 annotation rows (spans, claims, attributions, links, taggings, eleven
 * indexes) that was about 1.1 s of the merge's 4.2 s of CPU for those rows. Dropping the indexes
 * before the rows and creating them again afterwards builds each one with a single sort (~0.27 s for
 * all of them). Only when every one of the tables was empty when the merge began: with rows already
 * there, creating an index again would cost in proportion to the project, not to the pack, and the
 * merge's own look-ups (a link's twin, a span's existing tags) need the indexes while it runs.
 *
 * The indexes behind UNIQUE and PRIMARY KEY constraints (the ids every look-up and foreign key goes
 * through) are never dropped. A unique index that is dropped (`taggings_once`) is checked when it is
 * created again: a duplicate fails the merge, which rolls back, as the insert itself would have.
 * Everything happens inside the merge's transaction; DDL is transactional in SQLite, so a rollback
 * puts every index back whatever happened in between.
 */
import { ENTITIES } from '../annotations/entity-repository.ts';
import type { Db } from '../store/database.ts';
import { deferIndexes, type DeferredIndexes } from '../store/deferred-indexes.ts';

/** The tables a merge writes its annotations to. */
export const ANNOTATION_TABLES: readonly string[] = (['span', 'claim', 'attribution', 'claim_link', 'tagging'] as const).map((t) => ENTITIES[t].table);
const TABLES = ANNOTATION_TABLES;

/** Whether the annotation tables are all empty: call at the start of the merge, before it writes. */
export function annotationTablesEmpty(db: Db): boolean {
  return TABLES.every((t) => db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM main."${t}")`).pluck().get() === 1);
}

/**
 * Drops the declared indexes of the annotation tables if `empty` (what `annotationTablesEmpty` said
 * when the merge began); otherwise sets nothing aside. Must run inside the merge's transaction.
 */
export function deferAnnotationIndexes(db: Db, empty: boolean): DeferredIndexes {
  return deferIndexes(db, empty ? TABLES : []);
}

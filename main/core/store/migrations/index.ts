/**
 * The numbered migrations, in order. A migration is SQL in a numbered file; once released it is never
 * edited, only followed by a new one. Kept as TypeScript modules holding SQL so that every host
 * (tsx, the Electron bundle, vitest) loads them without a file-system lookup.
 */
import m0001 from './0001-project-and-log.ts';
import m0002 from './0002-documents.ts';
import m0003 from './0003-annotations.ts';
import m0004 from './0004-review.ts';
import m0005 from './0005-packs.ts';
import m0006 from './0006-review-fts.ts';
import m0007 from './0007-bulk-operations.ts';
import m0008 from './0008-span-taggings-by-document.ts';
import m0009 from './0009-review-fts-per-column.ts';
import m0010 from './0010-review-rows-in-place.ts';
import m0011 from './0011-conflict-settled.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'project-and-log', sql: m0001 },
  { version: 2, name: 'documents', sql: m0002 },
  { version: 3, name: 'annotations', sql: m0003 },
  { version: 4, name: 'review', sql: m0004 },
  { version: 5, name: 'packs', sql: m0005 },
  { version: 6, name: 'review-fts', sql: m0006 },
  { version: 7, name: 'bulk-operations', sql: m0007 },
  { version: 8, name: 'span-taggings-by-document', sql: m0008 },
  { version: 9, name: 'review-fts-per-column', sql: m0009 },
  { version: 10, name: 'review-rows-in-place', sql: m0010 },
  { version: 11, name: 'conflict-settled', sql: m0011 },
];

export const LATEST_VERSION = migrations.length;

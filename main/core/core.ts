/**
 * The core: one project open, its services behind the contract. Electron, the web host and the CLI
 * all create a Core and talk to it through `services` (typed) or `dispatch` (validated, for untrusted
 * callers). Nothing here knows which host it runs in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceMap } from '../../shared/contract.ts';
import { createDispatch, type Dispatch } from './dispatch.ts';
import { DocumentRepository } from './documents/document-repository.ts';
import { DocumentService } from './documents/document-service.ts';
import { OpLog } from './history/oplog.ts';
import { collectFromPaths, collectFromUploads, type EntryError, type ImportEntry } from './import/files.ts';
import { importEntries, type ImportProgress } from './import/import-service.ts';
import { ensureIdentity, renameAnalyst, type ProjectIdentity } from './project/project-repository.ts';
import { Emitter, Jobs, Lane } from './runtime.ts';
import { SearchService } from './search/search-service.ts';
import { annotationServices, createAnnotation, type Annotation } from './annotations/index.ts';
import { loadGold } from './annotations/gold-loader.ts';
import { ReviewService, COLUMN_HEADERS } from './review/review-service.ts';
import type { ReviewColumn } from '../../shared/review-schemas.ts';
import { packServices } from './packs/pack-service.ts';
import type { ZipLimits } from './packs/zip-reader.ts';
import { IdleCheckpoints } from './store/checkpoints.ts';
import { openDatabase, type Db } from './store/database.ts';

export interface CoreOptions {
  dbPath: string;
  nativeBinding?: string;
  analystName?: string;
  /** Folder holding `sample/` (the sample project). Defaults to the checkout's `resources/`. */
  resourcesDir?: string;
  /** Folder of the analysts' signing keys for packs (`<userData>/keys`); signing is refused without it. */
  keysDir?: string;
  /** Limits on packs read from elsewhere (entries, bytes); defaults in packs/zip-reader.ts. */
  packLimits?: ZipLimits;
}

export interface Core {
  readonly path: string;
  readonly db: Db;
  readonly identity: ProjectIdentity;
  readonly services: ServiceMap;
  readonly dispatch: Dispatch;
  readonly events: Emitter;
  readonly annotation: Annotation;
  /**
   * Starts noticing changes other processes make to the project file (the CLI while the app is
   * open): they arrive as `changed` events, so views reload instead of overwriting. Returns stop.
   */
  watchExternalChanges(intervalMs?: number): () => void;
  /** Imports files and folders from disk (CLI, Electron's dialogs). */
  importPaths(paths: string[], options?: { jobId?: string; onProgress?: (p: ImportProgress) => void }): Promise<
    Awaited<ReturnType<ServiceMap['documents:import']>>
  >;
  close(): void;
}

export const defaultResourcesDir = (): string => fileURLToPath(new URL('../../resources/', import.meta.url));

export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const identity = ensureIdentity(db, options.analystName);
  const lane = new Lane();
  // The write-ahead log is copied back into the file when the project goes quiet (store/checkpoints.ts).
  const checkpoints = new IdleCheckpoints(db);
  const jobs = new Jobs();
  const events = new Emitter();
  const oplog = new OpLog(db, identity.projectId);
  const documents = new DocumentRepository(db);
  const documentService = new DocumentService(db, documents, oplog, () => identity.analystId);
  const search = new SearchService(db, documents);
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const annotation = createAnnotation({
    db, oplog, documents, origin: identity.projectId, analystId: () => identity.analystId,
    reindexDocument: (id) => documentService.reindex(id),
  });
  const review = new ReviewService(db, identity.projectId, () => identity.analystId);

  const runImport = (jobId: string, collected: { entries: ImportEntry[]; errors: EntryError[] }, onProgress?: (p: ImportProgress) => void) =>
    lane.run(async () => {
      const signal = jobs.start(jobId);
      try {
        const report = await importEntries(
          { db, documents, oplog, origin: identity.projectId, analystId: identity.analystId },
          collected.entries,
          collected.errors,
          {
            signal,
            onProgress: (p) => {
              onProgress?.(p);
              events.emit('progress', { jobId, ...p });
            },
          },
        );
        if (report.batchId) changed('documents');
        return report;
      } finally {
        jobs.finish(jobId);
      }
    });

  const changed = (what: 'documents' | 'annotations' | 'history' | 'project') => {
    checkpoints.noteWrite();
    events.emit('changed', { what });
    if (what !== 'history') events.emit('changed', { what: 'history' });
  };

  const info = () => ({
    path: path.resolve(options.dbPath),
    projectId: identity.projectId,
    analyst: { id: identity.analystId, displayName: identity.analystName },
    documentCount: documents.count(),
    canUndo: oplog.canUndo(),
    canRedo: oplog.canRedo(),
  });

  const services: ServiceMap = {
    'project:info': () => lane.run(info),
    // The identity object is the one the services read (pack exports name it as their creator).
    'project:setAnalystName': ({ name }) =>
      lane.run(() => {
        identity.analystName = renameAnalyst(db, identity.analystId, name);
        changed('project');
        return info();
      }),
    'project:openSample': async ({ jobId }) => {
      const sampleDir = path.join(resourcesDir, 'sample');
      const report = await runImport(jobId, await collectFromPaths([sampleDir]));
      if (report.imported > 0 && report.duplicates === 0) {
        // The reports arrive fully annotated: a new user sees what a finished analysis looks like.
        // (Only into documents new to the project, so an analyst's own work is never doubled.)
        await lane.run(() => loadGold(annotation, path.join(resourcesDir, 'sample-gold'), sampleDir));
        changed('annotations');
      }
      return report;
    },
    'documents:list': (input) => lane.run(() => documents.list(input, input.offset, input.limit)),
    'documents:outlets': () => lane.run(() => documents.outlets()),
    'documents:get': ({ id }) => lane.run(() => documentService.get(id)),
    'documents:update': ({ id, revision, patch }) =>
      lane.run(() => {
        const out = documentService.update(id, revision, patch);
        changed('documents');
        return out;
      }),
    'documents:delete': ({ ids }) =>
      lane.run(() => {
        const deleted = documentService.delete(ids);
        if (deleted > 0) changed('documents');
        return { deleted };
      }),
    'documents:import': ({ jobId, files }) => runImport(jobId, collectFromUploads(files)),
    // Deliberately outside the lane: a cancel must be heard while the import holds it.
    'jobs:cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'history:undo': ({ step }) =>
      lane.run(() => {
        const label = oplog.undo(identity.analystId, step);
        if (label) changed('documents');
        return label === null ? null : { label };
      }),
    'history:redo': () =>
      lane.run(() => {
        const label = oplog.redo(identity.analystId);
        if (label) changed('documents');
        return label === null ? null : { label };
      }),
    'search:query': (input) => lane.run(() => search.search(input)),
    'search:aliases': () => lane.run(() => search.aliases.groups()),
    'search:setAliases': ({ groups }) => lane.run(() => search.aliases.set(groups)),
    ...annotationServices(annotation, lane, changed),
    'review:rows': ({ query, offset, limit }) => lane.run(() => review.page(query, offset, limit)),
    'review:export': ({ query, columns, outPath }) =>
      lane.run(() => review.exportCsv(query, columns ?? (Object.keys(COLUMN_HEADERS) as ReviewColumn[]), outPath)),
    'review:views': () => lane.run(() => review.views()),
    'review:saveView': ({ name, state }) => lane.run(() => review.saveView(name, state)),
    'review:deleteView': ({ id }) => lane.run(() => ({ deleted: review.deleteView(id) })),
    'disputes:list': ({ limit }) => lane.run(() => review.disputes(limit)),
    'sources:overview': ({ query, limit }) => lane.run(() => review.sourcesOverview(query, limit)),
    'sources:claims': ({ id, limit }) => lane.run(() => review.rows.bySource(id, limit)),
    'sources:duplicates': ({ limit }) => lane.run(() => review.duplicates(limit)),
    'figures:list': () => lane.run(() => review.figures()),
    ...packServices({
      db, documents, oplog, annotation, identity, lane, jobs, events, keysDir: options.keysDir, limits: options.packLimits, changed,
      resolveView: (id) => review.documentsOfView(id),
      applyDocumentMeta: (group, id, meta) => documentService.applyMeta(group, id, meta),
    }),
  };

  return {
    path: options.dbPath,
    db,
    identity,
    services,
    dispatch: createDispatch(services, { stepOf: (groupId) => oplog.step(groupId) }),
    events,
    annotation,
    watchExternalChanges: (intervalMs = 1000) => {
      // data_version changes only when another connection commits; our own writes emit events already.
      let seen = db.pragma('data_version', { simple: true }) as number;
      const timer = setInterval(() => {
        if (!db.open) return;
        const now = db.pragma('data_version', { simple: true }) as number;
        if (now === seen) return;
        seen = now;
        changed('documents');
        changed('annotations');
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    importPaths: async (paths, opts = {}) => {
      const collected = await collectFromPaths(paths);
      return runImport(opts.jobId ?? `cli-${Date.now()}`, collected, opts.onProgress);
    },
    close: () => {
      if (!db.open) return;
      checkpoints.close();
      db.close();
    },
  };
}

/** True when `dir` holds a sample project. */
export const hasSample = (resourcesDir: string): boolean => fs.existsSync(path.join(resourcesDir, 'sample'));

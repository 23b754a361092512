/**
 * The contract: every call between the renderer and the core, in one map. Each channel has a zod
 * schema for its input and its output; types are inferred from them and never written twice. Both
 * adapters (Electron IPC and the web host) validate input here before a service sees it, and the
 * renderer's client validates what comes back.
 *
 * A new feature starts by adding its channel here.
 */
import { z } from 'zod';
import { annotationChannels } from './annotation-schemas.ts';
import { packChannels } from './pack-schemas.ts';
import { reviewChannels } from './review-schemas.ts';

/** A partial ISO date: a year, a year and month, or a full date. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'Use YYYY, YYYY-MM or YYYY-MM-DD.');

const Id = z.string().uuid();
const Bytes = z.instanceof(Uint8Array);

export const Analyst = z.object({ id: Id, displayName: z.string() });

export const DocumentMeta = z.object({
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  published: PartialDate.nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const DocumentSummary = DocumentMeta.extend({
  id: Id,
  revision: z.number().int().min(1),
  language: z.string(),
  direction: z.enum(['ltr', 'rtl']),
  wordCount: z.number().int().nonnegative(),
  importedAt: z.string(),
  sha256: z.string(),
  /** The opening of the text, given by `documents:list` for a document without a title. */
  lead: z.string().nullable().optional(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const ImportRecord = z.object({
  id: Id,
  fileName: z.string(),
  filePath: z.string().nullable(),
  importedAt: z.string(),
  analyst: z.string(),
  encoding: z.string(),
  byteLength: z.number().int(),
  duplicate: z.boolean(),
  sidecar: z.record(z.string(), z.unknown()).nullable(),
  proposed: z.record(z.string(), z.unknown()).nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const DocumentFull = DocumentSummary.extend({
  text: z.string(),
  imports: z.array(ImportRecord),
});
export type DocumentFull = z.infer<typeof DocumentFull>;

export const ImportFile = z.object({
  /** File name, or a path relative to the dropped folder; used for sidecar pairing and reports. */
  name: z.string().min(1).max(4096),
  data: Bytes,
});

export const ImportOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), file: z.string(), documentId: Id, title: z.string().nullable() }),
  z.object({ status: z.literal('duplicate'), file: z.string(), documentId: Id, title: z.string().nullable() }),
  z.object({ status: z.literal('failed'), file: z.string(), code: z.string(), reason: z.string() }),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportReport = z.object({
  batchId: Id.nullable(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  failed: z.number().int(),
  files: z.array(ImportOutcome),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const DocumentFilter = z.object({
  outlet: z.string().max(1000).optional(),
  from: PartialDate.optional(),
  to: PartialDate.optional(),
});

export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  document: DocumentSummary,
  score: z.number(),
  titleParts: z.array(SnippetPart),
  snippet: z.array(SnippetPart),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const UndoResult = z.object({ label: z.string() }).nullable();

export const ProjectInfo = z.object({
  path: z.string(),
  projectId: Id,
  analyst: Analyst,
  documentCount: z.number().int(),
  canUndo: z.string().nullable(),
  canRedo: z.string().nullable(),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;

const JobId = z.string().min(1).max(100);

/** Every channel: `domain:verb` → input and output schema. */
export const channels = {
  'project:info': { input: z.object({}), output: ProjectInfo },
  /**
   * The name this project gives its current analyst: in the history, on the annotations they made,
   * and as the creator of the packs they export from now on. Renames, never makes a new analyst.
   */
  'project:setAnalystName': {
    // The core checks the name itself (project-repository.ts), for every caller, the CLI's included.
    input: z.object({ name: z.string().max(1000) }),
    output: ProjectInfo,
  },
  'project:openSample': { input: z.object({ jobId: JobId }), output: ImportReport },
  'documents:list': {
    input: DocumentFilter.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(1000),
    }),
    output: z.object({ total: z.number().int(), items: z.array(DocumentSummary) }),
  },
  'documents:outlets': { input: z.object({}), output: z.array(z.string()) },
  'documents:get': { input: z.object({ id: Id }), output: DocumentFull },
  'documents:update': {
    input: z.object({ id: Id, revision: z.number().int().min(1), patch: DocumentMeta.partial() }),
    output: DocumentSummary,
  },
  'documents:delete': { input: z.object({ ids: z.array(Id).min(1).max(100000) }), output: z.object({ deleted: z.number().int() }) },
  'documents:import': {
    input: z.object({ jobId: JobId, files: z.array(ImportFile).min(1) }),
    output: ImportReport,
  },
  'jobs:cancel': { input: z.object({ jobId: JobId }), output: z.object({ cancelled: z.boolean() }) },
  /** With `step` (a call's `Result.step`, for a toast's Undo): only if that step is still the latest, else STALE_UNDO. */
  'history:undo': { input: z.object({ step: Id.optional() }), output: UndoResult },
  'history:redo': { input: z.object({}), output: UndoResult },
  'search:query': {
    input: DocumentFilter.extend({
      query: z.string().max(2000),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ hits: z.array(SearchHit), total: z.number().int() }),
  },
  'search:aliases': { input: z.object({}), output: z.array(z.array(z.string())) },
  'search:setAliases': {
    input: z.object({ groups: z.array(z.array(z.string().max(200)).max(50)).max(500) }),
    output: z.array(z.array(z.string())),
  },
  ...annotationChannels,
  ...reviewChannels,
  ...packChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

/** Events from the core to the renderer. */
export const events = {
  progress: z.object({
    jobId: JobId,
    phase: z.enum(['reading', 'writing', 'done', 'cancelled']),
    done: z.number().int(),
    total: z.number().int(),
    current: z.string().optional(),
    /**
     * A merge's last steps, after its rows are written (done = total): each can take seconds on a
     * large pack, and the renderer names it rather than showing a full bar that seems stuck.
     */
    step: z.enum(['indexes', 'statuses', 'review', 'verify']).optional(),
  }),
  /** Something in the project changed (this window, another window, or another process). */
  changed: z.object({ what: z.enum(['documents', 'annotations', 'history', 'project']) }),
  /** A command from the desktop shell's menu, carried out by the renderer. */
  menu: z.object({ command: z.enum(['undo', 'redo', 'shortcuts']) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

/** What every service object implements: one async function per channel. */
export type ServiceMap = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};

export const channelNames = Object.keys(channels) as ChannelName[];
export const isChannelName = (name: string): name is ChannelName => Object.hasOwn(channels, name);

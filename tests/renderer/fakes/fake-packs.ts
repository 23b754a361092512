/**
 * Fake `packs:*` channels over the fake core. A fake pack is UTF-8 JSON holding the verification
 * report and the merge report the core would give for it, so a test says exactly what a pack
 * "contains" (a hostile creator name, a hash mismatch) without building zips. Anything else is
 * refused as not a zip. Export answers with such bytes; a merge is one undo step, and `gate` holds
 * it after its first progress event (to see progress and Cancel). Each merge is kept as the core
 * keeps it (`packs:merges`, newest first; undo marks it undone); a test may add records of its own.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceMap } from '../../../shared/contract.ts';
import type { ManifestSummary, MergeRecord, MergeReport, VerifyReport } from '../../../shared/pack-schemas.ts';
import { CancelledError, DomainError, NotFoundError } from '../../../main/core/errors.ts';
import type { FakeCore } from './fake-services.ts';

export interface FakePackContent {
  report: VerifyReport;
  merge: Omit<MergeReport, 'verify' | 'name' | 'label' | 'mergeId'>;
}

export const MANIFEST: ManifestSummary = {
  id: '0190f1a2-0000-8000-8000-0000000000aa',
  format: 'claimdesk-pack',
  version: '1.0',
  created: '2026-11-21T21:00:00.000Z',
  creator: 'Rana K.',
  counts: { documents: 4, annotations: 427, claims: 114, attributions: 160, links: 66, sources: 37, tags: 33 },
  redacted: { notes: false, annotators: false, documents: 0 },
  signed: false,
};

const tally = (n: number) => ({ documents: n, sources: n, tags: n, annotations: n, attributions: n, links: n });

/** A sound, unsigned pack; override what a test needs. */
export function soundPack(over: { report?: Partial<VerifyReport>; merge?: Partial<FakePackContent['merge']> } = {}): FakePackContent {
  return {
    report: {
      ok: true,
      manifest: MANIFEST,
      signature: { state: 'unsigned', fingerprint: null, message: 'Not signed.' },
      problems: [],
      warnings: [],
      counts: { files: 12, documents: 4, annotations: 427, sources: 37 },
      ...over.report,
    },
    merge: {
      packId: MANIFEST.id,
      creator: 'Rana K.',
      sha256: 'ab'.repeat(32),
      added: { documents: 4, sources: 30, tags: 33, annotations: 427, attributions: 160, links: 66 },
      unchanged: tally(0),
      conflicts: [],
      proposedSourceMerges: [],
      keptDeleted: 0,
      ...over.merge,
    },
  };
}

export function packBytes(content: FakePackContent): Uint8Array<ArrayBuffer> {
  // Copied into this realm's Uint8Array: jsdom's TextEncoder answers with another realm's, which the wire encoding would not see as bytes.
  return Uint8Array.from(new TextEncoder().encode(JSON.stringify({ fakePack: content })));
}

const NOT_A_ZIP: VerifyReport = {
  ok: false,
  manifest: null,
  signature: { state: 'unsigned', fingerprint: null, message: 'Not signed.' },
  problems: [{ code: 'NOT_A_ZIP', message: 'The file is not a zip archive.' }],
  warnings: [],
  counts: { files: 0, documents: 0, annotations: 0, sources: 0 },
};

export class FakePacks {
  gate: Promise<void> | null = null;
  /** Holds `packs:verify` until it settles (a large pack's check, seconds long). */
  verifyGate: Promise<void> | null = null;
  /** Documents the merges brought in, newest last (undo removes the last merge's). */
  readonly merges: string[] = [];
  /** Settlements made (`packs:settle`), oldest first, for undo to take back. */
  private readonly settled: Array<{ record: string; type: string; id: string }> = [];
  /** The merges `packs:merges` lists, newest first, undone ones included. */
  readonly records: MergeRecord[] = [];
  /** The saved review views `review:views` lists (a test with the review fake gets that fake's own). */
  readonly views: { id: string; name: string; state: unknown }[] = [];
  private undoStack: string[] = [];
  private cancelled = new Set<string>();

  constructor(private readonly core: FakeCore, private readonly fingerprint = '3f2a 91c0 5b7e 0d44 a1b2 c3d4 e5f6 0718 293a 4b5c 6d7e 8f90 a1b2 c3d4 e5f6 0718') {}

  private read(data: Uint8Array): FakePackContent | null {
    try {
      const parsed = JSON.parse(new TextDecoder().decode(data)) as { fakePack?: FakePackContent };
      return parsed.fakePack ?? null;
    } catch {
      return null;
    }
  }

  /** Proposed pairs merged from the Packs screen, latest last (undo opens the last again). */
  private mergedPairs: { packSourceId: string; localSourceId: string }[] = [];

  readonly services: Pick<ServiceMap, 'packs:export' | 'packs:verify' | 'packs:import' | 'packs:merges' | 'packs:settle' | 'sources:merge' | 'tags:list' | 'jobs:cancel' | 'review:views'> = {
    'review:views': async () => this.views,
    'tags:list': async () => [
      { id: '0190f1a2-0000-7000-8000-0000000000f1', revision: 1, name: 'Smuggling', parentId: null, color: '#d62728' },
      { id: '0190f1a2-0000-7000-8000-0000000000f2', revision: 1, name: 'Captagon', parentId: null, color: '#1f77b4' },
    ],
    'packs:export': async ({ jobId, format, sign, redact, documentIds }) => {
      // As the core's checkSelection: a chosen id no longer in the project is refused by id.
      const live = new Set(this.core.live().map((d) => d.id));
      const missing = documentIds?.find((id) => !live.has(id));
      if (missing) throw new NotFoundError('Document', missing);
      this.core.emit('progress', { jobId, phase: 'writing', done: 1, total: 3, current: 'annotations.jsonld' });
      if (this.gate) await this.gate;
      if (this.cancelled.has(jobId)) throw new CancelledError('Export cancelled; no pack was written.');
      const manifest = { ...MANIFEST, signed: sign, redacted: { notes: redact?.notes ?? false, annotators: redact?.annotators ?? false, documents: redact?.documents.length ?? 0 } };
      const data = packBytes(soundPack({ report: { manifest } }));
      return {
        path: null,
        bytes: 1_234_567,
        sha256: 'c0ffee'.padEnd(64, '0'),
        format,
        manifest: format === 'claimpack' ? manifest : null,
        fingerprint: sign ? this.fingerprint : null,
        data,
      };
    },
    'packs:verify': async ({ data }) => {
      if (this.verifyGate) await this.verifyGate;
      return this.read(data)?.report ?? NOT_A_ZIP;
    },
    'packs:import': async ({ jobId, data, name }) => {
      const content = this.read(data);
      const report = content?.report ?? NOT_A_ZIP;
      if (!content || !report.ok) throw new DomainError('PACK_REFUSED', `${name} was refused and nothing was written.`, report);
      this.core.emit('progress', { jobId, phase: 'writing', done: 1, total: 4, current: 'annotations' });
      if (this.gate) await this.gate;
      if (this.cancelled.has(jobId)) throw new CancelledError('Merge cancelled; nothing was written.');
      const label = `Merge pack ${name} from ${report.manifest?.creator ?? 'an unnamed analyst'}`;
      this.merges.push(name);
      this.undoStack.push(label);
      const mergeId = randomUUID();
      this.records.unshift({ id: mergeId, at: new Date().toISOString(), analyst: 'Test Analyst', undone: false, report: { ...content.merge, mergeId, name, label } });
      this.core.emit('changed', { what: 'annotations' });
      return { ...content.merge, mergeId, name, label, verify: report };
    },
    'packs:merges': async ({ limit }) => structuredClone(this.records.slice(0, limit)),
    // As the core settles: the conflict reads as decided, one undo step (undo opens it again).
    'packs:settle': async ({ mergeId, type, id, keep }) => {
      const record = this.records.find((r) => r.id === mergeId);
      const conflict = record?.report.conflicts.find((c) => c.type === type && c.id === id);
      if (!record || !conflict) throw new DomainError('NOT_FOUND', `No ${type} conflict ${id} in merge ${mergeId}.`);
      if (conflict.resolution) throw new DomainError('CONFLICT', 'This conflict is settled already. Undo that to choose again.');
      this.settled.push({ record: record.id, type, id });
      conflict.resolved = true;
      conflict.resolution = keep;
      this.undoStack.push(`${keep === 'ours' ? 'Keep our' : 'Use their'} version of ${type} ${id}`);
      this.core.emit('changed', { what: 'history' });
      return structuredClone(record);
    },
    // As the core lists it after Sources → Merge: every proposal of that pair reads as merged; one undo step.
    'sources:merge': async ({ keepId, mergeId }) => {
      const proposals = this.records.flatMap((r) => r.report.proposedSourceMerges).filter((p) => p.localSourceId === keepId && p.packSourceId === mergeId);
      if (proposals.length === 0) throw new NotFoundError('Source', mergeId);
      for (const p of proposals) p.resolution = 'merged';
      this.mergedPairs.push({ packSourceId: mergeId, localSourceId: keepId });
      this.undoStack.push(`Merge source ${proposals[0]!.packName} into ${proposals[0]!.localName}`);
      this.core.emit('changed', { what: 'history' });
      return { id: keepId, revision: 2, name: proposals[0]!.localName, type: 'organisation', affiliation: null, aliases: [proposals[0]!.packName], reliability: null, scopeDocumentId: null };
    },
    'jobs:cancel': async ({ jobId }) => {
      this.cancelled.add(jobId);
      return { cancelled: true };
    },
  };

  /** Adds the pack channels, and lets undo reach a merge first. */
  install(): this {
    const services = this.core.services as Record<string, unknown>;
    const undo = this.core.services['history:undo'];
    const info = this.core.services['project:info'];
    const cancel = this.core.services['jobs:cancel'];
    Object.assign(services, this.services, {
      'jobs:cancel': async (input: { jobId: string }) => {
        await cancel(input);
        return this.services['jobs:cancel'](input);
      },
      'history:undo': async () => {
        const label = this.undoStack.pop();
        if (!label) return undo({});
        if (label.startsWith('Merge source ')) {
          const pair = this.mergedPairs.pop()!;
          for (const r of this.records) {
            for (const p of r.report.proposedSourceMerges) if (p.packSourceId === pair.packSourceId && p.localSourceId === pair.localSourceId) p.resolution = null;
          }
          this.core.emit('changed', { what: 'history' });
          return { label };
        }
        if (!label.startsWith('Merge pack ')) {
          const last = this.settled.pop()!;
          const c = this.records.find((r) => r.id === last.record)!.report.conflicts.find((x) => x.type === last.type && x.id === last.id)!;
          c.resolved = false;
          c.resolution = null;
          this.core.emit('changed', { what: 'history' });
          return { label };
        }
        this.merges.pop();
        const record = this.records.find((r) => !r.undone && r.report.label === label);
        if (record) record.undone = true;
        this.core.emit('changed', { what: 'history' });
        return { label };
      },
      'project:info': async () => ({ ...(await info({})), canUndo: this.undoStack.at(-1) ?? (await info({})).canUndo }),
    });
    return this;
  }
}

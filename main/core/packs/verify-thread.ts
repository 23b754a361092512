/**
 * Verify on a second thread: while the merge starts (pack-service.ts, `packs:import`), and for
 * `packs:verify` alone, which would otherwise hold the main thread (the Electron shell's, with every
 * window's calls) for seconds on a large pack. The worker
 * (verify-worker.ts) verifies the pack's bytes as `verifyPack` does and posts what it has read as it
 * goes: the pack's records once every file's hash holds, then annotations in batches as each passes
 * its own checks, then the report. The merge writes them inside its open transaction and commits only
 * once the report says the pack is sound; any problem, or a verify that failed, rolls it back.
 *
 * Where the worker's code comes from: run from the TypeScript sources (tests, the CLI, the web host,
 * benches) it is loaded through tsx like the rest; in the Electron bundle it is its own file beside
 * main.cjs (scripts/build-electron.mjs). If the thread cannot start at all, verify runs here instead,
 * before the merge, as it did before the thread existed: slower, the same result.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { VerifyReport } from '../../../shared/pack-schemas.ts';
import { decodeAnnotations, type AnnotationBatch } from './annotation-batch.ts';
import type { PackAnnotation } from './pack-model.ts';
import { verifyPack, type PackHead, type VerifiedPack, type VerifySink } from './pack-verify.ts';
import type { ZipLimits } from './zip-reader.ts';

export interface ThreadInput {
  data: Uint8Array;
  limits: ZipLimits;
  /** Post the records and annotations as verify passes them (a merge), or only the report (`packs:verify`). */
  stream: boolean;
}

export type ThreadMessage =
  | { type: 'records'; head: PackHead }
  | { type: 'annotations'; batch: AnnotationBatch }
  | { type: 'annotations-end' }
  | { type: 'verdict'; report: VerifyReport; sha256: string }
  | { type: 'crashed'; message: string };

export interface Verdict {
  report: VerifyReport;
  sha256: string;
}

/** A pack being verified, read as verify reads it. */
export interface PackStream {
  /** The pack's records, or null when verify stopped before them (the verdict says why). */
  readonly records: Promise<PackHead | null>;
  /**
   * Annotations as verify passes them, in the file's order; ends once they have all passed every
   * check (while verify still hashes the files no merge reads), or when verify ends.
   */
  annotations(): AsyncIterable<PackAnnotation[]>;
  /** Verify's report. Rejects only when verify itself failed (a bug or a dead thread, not a bad pack). */
  readonly verdict: Promise<Verdict>;
  /** The report if it is in already and refuses the pack: a merge still running stops early. */
  refused(): VerifyReport | null;
  /** Stops verifying (a cancelled import). */
  stop(): void;
  /** Where verify runs: its own thread, or this one (the thread could not start, or `streamOf`). */
  readonly where: 'thread' | 'here';
}

type Item = { batch: AnnotationBatch } | { annotations: PackAnnotation[] };

class Stream implements PackStream {
  readonly records: Promise<PackHead | null>;
  readonly verdict: Promise<Verdict>;
  private settleRecords!: (h: PackHead | null) => void;
  private settleVerdict!: (v: Verdict) => void;
  private failVerdict!: (e: Error) => void;
  private readonly queue: Item[] = [];
  private wake: (() => void) | null = null;
  private ended = false;
  private annotationsEnded = false;
  private report: VerifyReport | null = null;
  stopper: () => void = () => undefined;
  where: 'thread' | 'here' = 'here';

  constructor() {
    this.records = new Promise((resolve) => (this.settleRecords = resolve));
    this.verdict = new Promise((resolve, reject) => {
      this.settleVerdict = resolve;
      this.failVerdict = reject;
    });
    // Awaited by the merge only at its end; a failure before then must not count as unhandled.
    this.verdict.catch(() => undefined);
  }

  get settled(): boolean {
    return this.ended;
  }

  head(h: PackHead): void {
    this.settleRecords(h);
  }

  push(item: Item): void {
    this.queue.push(item);
    this.wake?.();
  }

  /** Every annotation is in the queue and has passed its checks (`VerifySink.annotationsEnd`). */
  endAnnotations(): void {
    this.annotationsEnded = true;
    this.wake?.();
  }

  finish(v: Verdict): void {
    this.report = v.report;
    this.settleRecords(null);
    this.settleVerdict(v);
    this.end();
  }

  fail(error: Error): void {
    this.settleRecords(null);
    this.failVerdict(error);
    this.end();
  }

  private end(): void {
    this.ended = true;
    this.wake?.();
  }

  refused(): VerifyReport | null {
    return this.report && !this.report.ok ? this.report : null;
  }

  stop(): void {
    this.stopper();
  }

  async *annotations(): AsyncIterable<PackAnnotation[]> {
    for (;;) {
      const item = this.queue.shift();
      if (item) {
        yield 'batch' in item ? decodeAnnotations(item.batch) : item.annotations;
        continue;
      }
      if (this.ended || this.annotationsEnded) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}

/** Starts verifying `data` on a worker thread. */
export function verifyOnThread(data: Uint8Array, limits: ZipLimits, o: { stream?: boolean } = {}): PackStream {
  const stream = new Stream();
  let worker: Worker;
  try {
    worker = startWorker({ data, limits, stream: o.stream ?? true });
  } catch {
    verifyHere(stream, data, limits);
    return stream;
  }
  let heard = false;
  stream.where = 'thread';
  stream.stopper = () => void worker.terminate();
  worker.on('message', (m: ThreadMessage) => {
    heard = true;
    if (m.type === 'records') stream.head(m.head);
    else if (m.type === 'annotations') stream.push({ batch: m.batch });
    else if (m.type === 'annotations-end') stream.endAnnotations();
    else if (m.type === 'verdict') stream.finish({ report: m.report, sha256: m.sha256 });
    else stream.fail(new Error(`Verifying the pack failed: ${m.message}`));
  });
  worker.on('error', (error) => {
    if (stream.settled) return;
    // A thread that never said anything could not start (its code not found, say): verify here.
    if (!heard) verifyHere(stream, data, limits);
    else stream.fail(error);
  });
  worker.on('exit', (code) => {
    if (!stream.settled) stream.fail(new Error(`The verify thread stopped (exit code ${code}) before its report.`));
  });
  return stream;
}

/** The same stream from a pack already verified (`mergePack`'s callers). */
export function streamOf(verified: VerifiedPack): PackStream {
  const stream = new Stream();
  const { content, manifest } = verified;
  if (content && !verified.annotationsKept) throw new Error('streamOf needs a pack verified with its annotations kept.');
  if (content && manifest) {
    stream.head({ manifest, sha256: verified.sha256, documents: content.documents, sources: content.sources, tags: content.tags, analysts: content.analysts });
    stream.push({ annotations: content.annotations });
  }
  stream.finish({ report: verified.report, sha256: verified.sha256 });
  return stream;
}

function verifyHere(stream: Stream, data: Uint8Array, limits: ZipLimits): void {
  stream.where = 'here';
  try {
    const sink: VerifySink = { records: (h) => stream.head(h), annotations: (a) => stream.push({ annotations: a }), annotationsEnd: () => stream.endAnnotations() };
    const verified = verifyPack(data, limits, sink);
    stream.finish({ report: verified.report, sha256: verified.sha256 });
  } catch (error) {
    stream.fail(error as Error);
  }
}

function startWorker(input: ThreadInput): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // From the sources: tsx's require hook registered in the thread, then the entry, required (tsx
    // compiles it and what it imports to CommonJS; none of them uses import.meta or top-level await).
    // Loader hooks registered in the main thread do not reach a worker on Node 20, and tsx's ESM
    // loader in the thread costs a hooks thread of its own: ~0.6 s wall and ~0.95 s CPU to start
    // against ~0.37 s and ~0.4 s this way.
    const require = createRequire(here);
    const boot = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(fileURLToPath(new URL('./verify-worker.ts', here)))});`;
    return new Worker(boot, { eval: true, workerData: input });
  }
  return new Worker(new URL('./pack-verify-worker.cjs', here), { workerData: input });
}

/**
 * Benchmark: annotated packs. 100,000 annotations over 10,000 documents (synthetic, made here in
 * memory: each document has a source mention, a cue, four attributed claims, a denial linked to one
 * of them, two entities and a quantity), merged into an empty project, then:
 *
 * - export of the whole project: end to end, and the deflate throughput on annotations.jsonld at
 *   level 1, beside a bare `zlib.deflateRawSync(level 1)` of the same bytes in the same run (the
 *   budget, ≥ 150 MB/s of annotation JSON, is on the pack writer's deflate);
 * - verify of that pack (zip, hashes, schemas, re-anchoring every annotation) through `packs:verify`,
 *   as the app verifies a pack it opens (on the verify thread, its start included): budget ≤ 5 s;
 *   `verifyPack` on this thread beside it;
 * - import of it into another empty project, as `packs:import` does it: verify on a second thread
 *   while this one merges in one transaction (verify-thread.ts): budget ≤ 5 s. The process's CPU time
 *   is both threads'; the merging thread's own is reported beside it (Linux).
 *
 * Register it in bench/index.ts: `import { packs } from './packs.ts'` and add `packs` to BENCHMARKS.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import type { Benchmark, BenchContext, BenchResult, Figure } from './benchmark.ts';
import { createCore } from '../main/core/core.ts';
import type { PackAnnotation, PackContent } from '../main/core/packs/pack-model.ts';
import { writePack } from '../main/core/packs/pack-writer.ts';
import { verifyPack } from '../main/core/packs/pack-verify.ts';
import { annotationsJsonld } from '../main/core/packs/pack-files.ts';
import { ZipWriter } from '../main/core/packs/zip-writer.ts';

const MB = 1024 * 1024;
const WORDS = ('army border smugglers militia convoy drugs captagon ministry officials said reported told statement killed seized ' +
  'tablets crossing region forces security trade route night patrol sources according village residents denied claimed').split(' ');
const redact = { notes: false, annotators: false, documents: [] };

export const packs: Benchmark = {
  name: 'packs',
  description: 'pack export (deflate level 1 vs bare zlib), verify and import of 100,000 annotations over 10,000 documents',
  options: {
    docs: { default: 10_000, help: 'documents (ten annotations each)' },
    seed: { default: 7, help: 'PRNG seed of the synthetic project' },
  },
  run,
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Time-ordered like the UUIDv7 ids Claimdesk makes (so B-trees grow at their end, as in real use). */
const uuid = (n: number) => {
  const h = crypto.createHash('sha256').update(`bench-${n}`).digest('hex');
  return `${(0x01900000 + Math.floor(n / 65536)).toString(16).padStart(8, '0')}-${(n % 65536).toString(16).padStart(4, '0')}-7${h.slice(0, 3)}-8${h.slice(3, 6)}-${h.slice(6, 18)}`;
};

/** The synthetic project, as pack content: what a colleague's pack would bring. */
export function syntheticContent(docs: number, seed: number): PackContent {
  const r = rng(seed);
  const T = '2026-01-01T00:00:00.000Z';
  const analyst = uuid(0);
  const book = { revision: 1, created: T, modified: T, creator: analyst };
  const sources = Array.from({ length: 200 }, (_, i) => ({
    id: uuid(1_000_000 + i), name: `Source ${i}`, type: 'organisation' as const, affiliation: null, aliases: [], reliability: 'B' as const,
    scopeDocumentId: null, grades: [], ...book,
  }));
  const content: PackContent = { documents: [], annotations: [], sources, tags: [{ id: uuid(2_000_000), name: 'Smuggling', parentId: null, color: null, ...book }], analysts: [{ id: analyst, name: 'Bench analyst' }] };
  let n = 10;
  for (let d = 0; d < docs; d++) {
    const sentence = (k: number) => Array.from({ length: k }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
    const parts = [`Officials ${sentence(3)}`, 'told', sentence(12), sentence(14), sentence(10), sentence(12), `Ministry denied ${sentence(8)}`, 'Army', 'Jordan', '4,000 tablets'];
    const text = `${parts[0]} ${parts[1]} reporters that ${parts[2]}. ${parts[3]}.\n\n${parts[4]}; ${parts[5]}.\n${parts[6]}. The ${parts[7]} of ${parts[8]} seized ${parts[9]} ${sentence(20)}.\n`;
    const id = uuid(n++);
    content.documents.push({
      record: { id, sha256: crypto.createHash('sha256').update(text).digest('hex'), title: `Report ${d}`, outlet: 'Bench Wire', author: null, url: null, published: '2026-01-01', language: 'en', direction: 'ltr', wordCount: 90, created: T, creator: analyst, tags: [], imports: [] },
      text,
      original: null,
    });
    let from = 0;
    const span = (exact: string, kind: string, extra: Partial<PackAnnotation> = {}): PackAnnotation => {
      const start = text.indexOf(exact, from);
      from = start;
      return {
        id: uuid(n++), documentId: id, kind, start, end: start + exact.length, exact, prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + exact.length, start + exact.length + 32), orphaned: false, sourceId: null, note: null, data: null, tagIds: [],
        claim: null, attributions: [], links: [], ...book, ...extra,
      };
    };
    const source = sources[d % sources.length]!.id;
    const mention = span(parts[0]!, 'source', { sourceId: source });
    const cue = span(parts[1]!, 'cue');
    const attribution = () => ({ id: uuid(n++), sourceId: source, cueSpanId: cue.id, channel: null, channelSpanId: null, speech: 'indirect' as const, anonymous: false, anonymityReason: null, via: [], credibility: 2, rationale: null, rating: null, ...book });
    const claims = [2, 3, 4, 5].map((i) => span(parts[i]!, 'claim', { claim: { status: i === 2 ? 'denied' : 'uncontested', override: null }, attributions: [attribution()], tagIds: i === 3 ? [content.tags[0]!.id] : [] }));
    const denial = span(parts[6]!, 'denial', { claim: { status: 'uncontested', override: null }, attributions: [attribution()] });
    denial.links.push({ id: uuid(n++), toClaimId: claims[0]!.id, relation: 'denies', note: null, ...book });
    const rest = [span(parts[7]!, 'entity', { data: { name: 'Jordanian Army', type: 'organisation' } }), span(parts[8]!, 'entity', { data: { name: 'Jordan', type: 'place' } }), span(parts[9]!, 'quantity', { data: { value: 4000, unit: 'tablets' } })];
    content.annotations.push(mention, cue, ...claims, denial, ...rest);
  }
  content.annotations.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1)));
  content.documents.sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
  return content;
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;
/**
 * CPU seconds of this thread alone (Linux: /proc), or null elsewhere. The import verifies on a second
 * thread while this one merges (verify-thread.ts), so the process's CPU time is both threads'.
 */
const mainThreadCpu = (): number | null => {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
};
/** CPU seconds of this process since `c`: steadier than wall time on a shared, busy machine. */
const cpuSeconds = (c: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1e6;
};

async function run(ctx: BenchContext): Promise<BenchResult> {
  const docs = Number(ctx.options.docs);
  ctx.log(`making ${docs.toLocaleString('en-US')} documents with ${(docs * 10).toLocaleString('en-US')} annotations`);
  const content = syntheticContent(docs, Number(ctx.options.seed));
  const seed = await writePack(content, { selection: {}, redact, creator: null, appVersion: 'bench' });

  ctx.log('merging the synthetic pack into an empty project (set-up)');
  const source = createCore({ dbPath: path.join(ctx.tempDir('source'), 'p.claimdesk'), analystName: 'Bench' });
  await source.services['packs:import']({ jobId: 'bench-setup', data: new Uint8Array(seed.bytes), name: 'seed.claimpack' });

  ctx.log('export');
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const exported = await source.services['packs:export']({ jobId: 'bench-export', format: 'claimpack', sign: false });
  const exportSeconds = seconds(t0);
  const exportCpu = cpuSeconds(c0);
  source.close();
  const pack = exported.data!;
  // Deflate of annotations.jsonld: the pack writer's zip entry (fflate container, zlib level 1) and a
  // bare zlib.deflateRawSync(level 1) of the same bytes, alternated three times, best of each, so
  // that both see the same machine (other load on a shared machine moves single runs a lot).
  const annotations = Buffer.from(new TextEncoder().encode(annotationsJsonld(content, new Map(content.sources.map((s) => [s.id, s.reliability])))));
  let writerBest = Infinity;
  let bareBest = Infinity;
  for (let i = 0; i < 3; i++) {
    const zip = new ZipWriter(1);
    zip.add('annotations.jsonld', annotations);
    writerBest = Math.min(writerBest, zip.deflateSeconds);
    const t = performance.now();
    zlib.deflateRawSync(annotations, { level: 1 });
    bareBest = Math.min(bareBest, seconds(t));
  }

  const target = createCore({ dbPath: path.join(ctx.tempDir('target'), 'p.claimdesk'), analystName: 'Bench' });
  ctx.log('verify (packs:verify, as the app verifies a pack it opens: on the verify thread)');
  t0 = performance.now();
  c0 = process.cpuUsage();
  const report = await target.services['packs:verify']({ data: pack });
  const verifySeconds = seconds(t0);
  const verifyCpu = cpuSeconds(c0);
  if (!report.ok) throw new Error(`the exported pack does not verify: ${report.problems[0]?.message}`);
  ctx.log('verify on this thread (verifyPack)');
  t0 = performance.now();
  const verified = verifyPack(pack, undefined, undefined, { keepAnnotations: false });
  const verifyHereSeconds = seconds(t0);
  if (!verified.report.ok) throw new Error('the exported pack does not verify on this thread');

  ctx.log('import into an empty project');
  t0 = performance.now();
  c0 = process.cpuUsage();
  const m0 = mainThreadCpu();
  const merged = await target.services['packs:import']({ jobId: 'bench-import', data: pack, name: 'bench.claimpack' });
  const importSeconds = seconds(t0);
  const importCpu = cpuSeconds(c0);
  const m1 = mainThreadCpu();
  const importMainCpu = m0 === null || m1 === null ? null : m1 - m0;
  target.close();

  const annotationMB = annotations.byteLength / MB;
  const figures: Figure[] = [
    { key: 'packs.export.annotationDeflateMBps', label: 'export: annotation JSON deflated (level 1) per second', value: annotationMB / writerBest, unit: 'MB/s', budget: { op: '>=', limit: 150 } },
    { key: 'packs.zlib.deflateRawMBps', label: 'bare zlib.deflateRawSync level 1, same bytes', value: annotationMB / bareBest, unit: 'MB/s' },
    { key: 'packs.export.endToEndMBps', label: 'export end to end, annotation JSON per second', value: annotationMB / exportSeconds, unit: 'MB/s' },
    { key: 'packs.export.seconds', label: 'export of the whole project', value: exportSeconds, unit: 's' },
    { key: 'packs.verify.seconds', label: 'verify of the pack (packs:verify, its thread)', value: verifySeconds, unit: 's', budget: { op: '<=', limit: 5 } },
    { key: 'packs.verify.hereSeconds', label: 'verify on the calling thread (verifyPack)', value: verifyHereSeconds, unit: 's' },
    { key: 'packs.import.seconds', label: 'import (merge) into an empty project', value: importSeconds, unit: 's', budget: { op: '<=', limit: 5 } },
    { key: 'packs.export.cpuSeconds', label: 'export, CPU time of this process', value: exportCpu, unit: 's' },
    { key: 'packs.verify.cpuSeconds', label: 'verify, CPU time of this process (both threads)', value: verifyCpu, unit: 's' },
    { key: 'packs.import.cpuSeconds', label: 'import, CPU time of this process (both threads)', value: importCpu, unit: 's' },
    ...(importMainCpu === null ? [] : [{ key: 'packs.import.mainThreadCpuSeconds', label: 'import, CPU time of the merging thread', value: importMainCpu, unit: 's' } satisfies Figure]),
  ];
  return {
    figures,
    details: {
      documents: docs, annotations: content.annotations.length, packBytes: pack.byteLength, annotationJsonBytes: annotations.byteLength,
      added: merged.added,
    },
    notes: [
      `${(pack.byteLength / MB).toFixed(1)} MB pack; annotations.jsonld ${annotationMB.toFixed(1)} MB; ${merged.added.annotations.toLocaleString('en-US')} annotations merged`,
      'deflate is node:zlib level 1 inside fflate\'s zip container (fflate\'s own JS deflate measured 14-22 MB/s here)',
    ],
  };
}

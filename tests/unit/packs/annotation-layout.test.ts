/**
 * annotations.jsonld is read one annotation per line when it is laid out as Claimdesk writes it, and
 * whole otherwise (verify-annotations.ts, `byLines`). Whatever the layout, verify must read the same
 * annotations, hand a merge each of them exactly once, and refuse what a whole parse would refuse,
 * naming where. Packs here are real zips: the synthetic bench project (3,000 annotations, more than
 * one batch of 2,048) re-laid out and re-hashed.
 */
import crypto from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticContent } from '../../../bench/packs.ts';
import { verifyPack, type VerifiedPack } from '../../../main/core/packs/pack-verify.ts';
import { streamOf } from '../../../main/core/packs/verify-thread.ts';
import { writePack } from '../../../main/core/packs/pack-writer.ts';
import type { PackAnnotation } from '../../../main/core/packs/pack-model.ts';
import { counts, emptyProject, jobId } from './helpers.ts';
import { caller } from '../core/helpers.ts';

const FILE = 'annotations.jsonld';
const enc = new TextEncoder();
const dec = new TextDecoder();

let pack: Uint8Array;
let original: VerifiedPack;
let jsonld: string;

/** The pack with annotations.jsonld replaced by `text`, its manifest hash and size made to match. */
function relaid(text: string): Uint8Array {
  const files = unzipSync(pack);
  files[FILE] = enc.encode(text);
  const manifest = JSON.parse(dec.decode(files['manifest.json'])) as { files: Record<string, { sha256: string; bytes: number }> };
  manifest.files[FILE] = { sha256: crypto.createHash('sha256').update(files[FILE]).digest('hex'), bytes: files[FILE].byteLength };
  files['manifest.json'] = enc.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  return zipSync(files, { level: 1 });
}

/** Verify with a sink, as a merge does: what the sink was handed, batch by batch, and the outcome. */
function verifyStreamed(data: Uint8Array): { verified: VerifiedPack; handed: PackAnnotation[]; batches: number } {
  const handed: PackAnnotation[] = [];
  let batches = 0;
  const verified = verifyPack(data, undefined, {
    records: () => undefined,
    annotations: (batch) => {
      batches++;
      handed.push(...batch);
    },
  }, { keepAnnotations: true });
  return { verified, handed, batches };
}

const lines = () => jsonld.split('\n');

describe('annotations.jsonld in any layout', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const written = await writePack(syntheticContent(300, 3), {
      selection: {}, redact: { notes: false, annotators: false, documents: [] }, creator: null, appVersion: 'test',
    });
    pack = new Uint8Array(written.bytes);
    jsonld = dec.decode(unzipSync(pack)[FILE]);
    original = verifyPack(pack);
    expect(original.report.problems).toEqual([]);
    expect(original.content!.annotations.length).toBe(3000);
  });

  it('as written: one annotation a line, handed on in batches as they pass, each once', () => {
    // The layout the fast path expects: the collection's head, 3,000 lines, the closing line.
    expect(lines().length).toBe(3000 + 3);
    const { verified, handed, batches } = verifyStreamed(pack);
    expect(verified.report.ok).toBe(true);
    expect(batches).toBe(2);
    expect(handed).toEqual(original.content!.annotations);
  });

  it('keeps no annotation past its batch unless asked, and still counts them and checks their references', () => {
    const lean = verifyPack(pack, undefined, undefined, { keepAnnotations: false });
    expect(lean.report).toEqual(original.report);
    expect(lean.report.counts.annotations).toBe(3000);
    expect(lean.annotationsKept).toBe(false);
    expect(lean.content!.annotations).toEqual([]);
    expect(() => streamOf(lean)).toThrow(/annotations kept/);
    // A link to a claim that comes later in the file is settled at the end, as is one to nowhere.
    const l = lines();
    const i = l.findIndex((x) => x.includes('"relation":"denies"'));
    l[i] = l[i]!.replace(/("role":"link"[^}]*"source":"urn:uuid:)[0-9a-f-]{36}/, '$101900000-dead-7000-8000-000000000000');
    const dangling = verifyPack(relaid(l.join('\n')), undefined, undefined, { keepAnnotations: false });
    expect(dangling.report.ok).toBe(false);
    expect(dangling.report.problems).toContainEqual(expect.objectContaining({ code: 'DANGLING_REFERENCE', field: 'link.source', file: FILE }));
  });

  it('checks references across annotations, kept or not: a cue in another document, an id used twice, unknown tags and sources', () => {
    const l = lines();
    const idOf = (line: string) => /^\{[^{]*?"id":"urn:uuid:([0-9a-f-]{36})"/.exec(line)![1]!;
    const cueLines = l.map((x, i) => [x, i] as const).filter(([x]) => x.includes('"value":"cue"'));
    const firstCue = idOf(cueLines[0]![0]);
    const otherDocumentsCue = idOf(cueLines.at(-1)![0]);
    // 1. The first attribution that names the first cue names, instead, a cue of the last document.
    const a = l.findIndex((x) => x.includes(`"cue":"urn:uuid:${firstCue}"`));
    l[a] = l[a]!.replace(`"cue":"urn:uuid:${firstCue}"`, `"cue":"urn:uuid:${otherDocumentsCue}"`);
    // 2. An attribution id used again in a later annotation.
    const attribution = /"role":"attribution","id":"urn:uuid:([0-9a-f-]{36})"/.exec(l[a]!)![1]!;
    const b = l.findIndex((x, i) => i > 2500 && x.includes('"role":"attribution","id":"urn:uuid:'));
    l[b] = l[b]!.replace(/("role":"attribution","id":"urn:uuid:)[0-9a-f-]{36}/, `$1${attribution}`);
    // 3. A tag and 4. a mentioned source the pack does not have.
    const t = l.findIndex((x) => x.includes('"role":"tag"'));
    l[t] = l[t]!.replace(/("role":"tag"[^}]*"tag":"urn:uuid:)[0-9a-f-]{36}/, '$101900000-beef-7000-8000-000000000001');
    const m = l.findIndex((x, i) => i > 2900 && x.includes('"role":"mention"'));
    l[m] = l[m]!.replace(/("role":"mention"[^}]*"source":"urn:uuid:)[0-9a-f-]{36}/, '$101900000-beef-7000-8000-000000000002');
    const data = relaid(l.join('\n'));
    const kept = verifyPack(data);
    const lean = verifyPack(data, undefined, undefined, { keepAnnotations: false });
    expect(lean.report).toEqual(kept.report);
    expect(kept.report.ok).toBe(false);
    const fields = kept.report.problems.map((p) => `${p.code} ${p.field ?? ''}`);
    expect(fields).toEqual(expect.arrayContaining(['DANGLING_REFERENCE attribution.cue', 'DUPLICATE_ID ', 'DANGLING_REFERENCE tag', 'DANGLING_REFERENCE mention']));
    expect(kept.report.problems.find((p) => p.field === 'attribution.cue')!.message).toContain(otherDocumentsCue);
  });

  const layouts: Array<[string, () => string]> = [
    ['pretty-printed', () => `${JSON.stringify(JSON.parse(jsonld), null, 2)}\n`],
    ['on one line', () => JSON.stringify(JSON.parse(jsonld))],
    // Two annotations share line 2,501 (the first batch has been handed on by then): the reader
    // falls back to a whole parse there and carries on from that annotation.
    ['with two annotations on one line after the first batch', () => {
      const l = lines();
      l.splice(2501, 2, `${l[2501]} ${l[2502]}`);
      return l.join('\n');
    }],
    ['with Windows line ends', () => jsonld.replaceAll('\n', '\r\n')],
  ];
  for (const [name, make] of layouts) {
    it(`${name}: the same annotations, each handed on once`, () => {
      const { verified, handed } = verifyStreamed(relaid(make()));
      expect(verified.report.problems).toEqual([]);
      expect(verified.content!.annotations).toEqual(original.content!.annotations);
      expect(handed).toEqual(original.content!.annotations);
    });
  }

  it('lines that fill another array than first.items are not taken for the annotations', () => {
    // Valid JSON whose first.items is empty; the 3,000 annotations sit in a "decoy" array beside it.
    const l = lines();
    l[0] = l[0]!.replace(/"items":\[$/, '"items":[],"decoy":[');
    expect(l[0]).toMatch(/"decoy":\[$/);
    const { verified, handed } = verifyStreamed(relaid(l.join('\n')));
    expect(verified.report.ok).toBe(false);
    expect(handed).toEqual([]);
    expect(verified.report.problems).toContainEqual(expect.objectContaining({ code: 'SCHEMA', field: 'total', file: FILE }));
  });

  it('a forbidden key in an annotation after the first batch is refused with its full path', () => {
    const l = lines();
    l[2600] = l[2600]!.replace('{', '{"__proto__":{"polluted":true},');
    const { verified, handed } = verifyStreamed(relaid(l.join('\n')));
    expect(verified.report.ok).toBe(false);
    expect(handed.length).toBe(2048);
    const problem = verified.report.problems.find((p) => p.code === 'FORBIDDEN_KEY');
    expect(problem?.message).toContain('$.first.items[2599].__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a line cut short after the first batch makes the file invalid JSON, said as such', () => {
    const l = lines();
    l[2700] = l[2700]!.slice(0, 40);
    const { verified } = verifyStreamed(relaid(l.join('\n')));
    expect(verified.report.ok).toBe(false);
    expect(verified.content).toBeNull();
    expect(verified.report.problems[0]).toMatchObject({ code: 'BAD_JSON', file: FILE });
  });

  it('an attribution whose cue comes in a later batch than its claim keeps its cue', async () => {
    // The first document's cue moved to the end of the file, two batches after the claims it cues.
    const l = lines();
    const at = l.findIndex((x) => x.includes('"value":"cue"'));
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(20);
    const [cue] = l.splice(at, 1);
    const last = l.length - 3; // the last annotation (no comma), then the closing line and the end
    l.splice(last + 1, 0, cue!.slice(0, -1));
    l[last] = `${l[last]},`;
    const moved = relaid(l.join('\n'));
    expect(verifyPack(moved).report.problems).toEqual([]);
    const cued = original.content!.annotations.flatMap((a) => a.attributions).filter((x) => x.cueSpanId);
    expect(cued.length).toBeGreaterThan(1000);
    const core = emptyProject('late-cue');
    try {
      const report = await caller(core)('packs:import', { jobId: jobId(), data: moved, name: 'late-cue.claimpack' } as never);
      expect(report.added.attributions).toBe(original.content!.annotations.reduce((n, a) => n + a.attributions.length, 0));
      const rows = new Map(core.db.prepare('SELECT id, cue_span_id FROM attributions').all().map((r) => [(r as { id: string }).id, (r as { cue_span_id: string | null }).cue_span_id]));
      for (const x of cued) expect(rows.get(x.id), x.id).toBe(x.cueSpanId);
      // In the file's order, the late cue's attributions included.
      const order = core.db.prepare('SELECT id FROM attributions ORDER BY seq').pluck().all();
      expect(order).toEqual(original.content!.annotations.flatMap((a) => a.attributions.map((x) => x.id)));
    } finally {
      core.close();
    }
  });

  it('a pack whose lines fall back mid-file merges whole through the verify thread', async () => {
    const l = lines();
    l.splice(2501, 2, `${l[2501]} ${l[2502]}`);
    const core = emptyProject('layout');
    try {
      const report = await caller(core)('packs:import', { jobId: jobId(), data: relaid(l.join('\n')), name: 'relaid.claimpack' } as never);
      expect(report.added.annotations).toBe(3000);
      expect(counts(core).spans).toBe(3000);
    } finally {
      core.close();
    }
  });
});

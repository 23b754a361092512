/**
 * Formats other tools read: REFI-QDA `.qdpx` (its project.qde must validate against the standard's
 * XSD; positions count code points) and brat standoff (offsets count code points of the .txt, as
 * brat's Python does).
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { bratAnn } from '../../../main/core/packs/interchange/brat.ts';
import { projectQde } from '../../../main/core/packs/interchange/qdpx.ts';
import type { PackAnnotation, PackContent } from '../../../main/core/packs/pack-model.ts';
import { FIXTURES, caller } from '../core/helpers.ts';
import { exportBytes, files, goldProject, jobId, text } from './helpers.ts';

const XSD = fs.readFileSync(path.join(FIXTURES, 'standards/refi-qda/project.xsd'), 'utf8');
const validate = (xml: string) => validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'project.xsd', contents: XSD }] });

describe('REFI-QDA .qdpx', { timeout: 60_000 }, () => {
  it('project.qde of the sample project validates against the QDA-XML 1.0 schema', async () => {
    const core = await goldProject();
    const qdpx = files(await exportBytes(core, { format: 'qdpx' }));
    const qde = text(qdpx['project.qde']);
    const result = await validate(qde);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
    // Documents are TextSources with their text under Sources/; tags are codes, spans coded selections.
    const docs = (await caller(core)('documents:list', {})).items;
    for (const d of docs) {
      expect(qde).toContain(`<TextSource guid="${d.id}"`);
      expect(text(qdpx[`Sources/${d.id}.txt`])).toBe((await caller(core)('documents:get', { id: d.id })).text);
    }
    const tags = await caller(core)('tags:list', {});
    for (const t of tags) expect(qde).toContain(`guid="${t.id}"`);
    expect((qde.match(/<PlainTextSelection /g) ?? []).length).toBeGreaterThan(400);
    expect(qde).toMatch(/<Link guid="[^"]+" name="denies" direction="OneWay"/);
    core.close();
  });

  it('a schema violation is caught (the validator is not a rubber stamp)', async () => {
    const result = await validate('<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0"><Sources><TextSource/></Sources></Project>');
    expect(result.valid).toBe(false);
  });

  it('counts positions in code points, keeps the tag hierarchy and notes, escapes XML', async () => {
    const content = tinyContent();
    const qde = projectQde(content, '0.1.0');
    expect((await validate(qde)).valid).toBe(true);
    // "👍 Jordan": the emoji is two UTF-16 units but one code point.
    expect(qde).toContain('startPosition="2" endPosition="8"');
    expect(qde).toContain('startPosition="2" endPosition="28"');
    expect(qde).toMatch(/<Code guid="00000000-0000-4000-8000-000000000071" name="Routes &amp; &lt;crossings&gt;" isCodable="true" color="#1f77b4">\s*<Code guid="00000000-0000-4000-8000-000000000072" name="Syria"/);
    expect(qde).toContain('<PlainTextContent>Check &lt;this&gt;</PlainTextContent>');
  });
});

describe('brat standoff', { timeout: 60_000 }, () => {
  it('writes text-bound spans at code point offsets, relations and notes', () => {
    const content = tinyContent();
    const ann = bratAnn(content.documents[0]!.text, content.annotations, content);
    const lines = ann.trim().split('\n');
    // "👍 Jordan says …": Jordan starts after one emoji, code point 2 (UTF-16 unit 3).
    expect(lines).toContain('T1\tSource 2 8\tJordan');
    expect(lines).toContain('T2\tClaim 2 28\tJordan says trucks crossed');
    expect(lines).toContain('T3\tDenial 31 44;45 61\tSyria denies. It was a wedding');
    expect(lines).toContain('R1\tAttributedTo Arg1:T2 Arg2:T1');
    expect(lines).toContain('R2\tDenies Arg1:T3 Arg2:T2');
    expect(lines).toContain('#1\tAnnotatorNotes T2\tCheck <this>');
    // Every text-bound annotation's text is the .txt at its offsets, counted in code points.
    const cps = [...content.documents[0]!.text];
    for (const l of lines.filter((x) => x.startsWith('T'))) {
      const [, spec, quoted] = l.split('\t') as [string, string, string];
      const pieces = spec.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      expect(pieces.map(([s, e]) => cps.slice(s, e).join('')).join(' ')).toBe(quoted);
    }
  });

  it('exports the sample project as a zip of .txt/.ann pairs with an annotation.conf', async () => {
    const core = await goldProject();
    const out = await caller(core)('packs:export', { jobId: jobId(), format: 'brat' });
    const brat = files(new Uint8Array(out.data!));
    expect(out.manifest).toBeNull();
    expect(text(brat['brat/annotation.conf'])).toContain('AttributedTo\tArg1:Claim|Denial|Dispute, Arg2:Source');
    const anns = Object.keys(brat).filter((n) => n.endsWith('.ann'));
    expect(anns).toHaveLength(4);
    for (const n of anns) {
      const txt = [...text(brat[n.replace(/\.ann$/, '.txt')])];
      for (const l of text(brat[n]).split('\n').filter((x) => x.startsWith('T'))) {
        const [, spec, quoted] = l.split('\t') as [string, string, string];
        const frags = spec.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number) as [number, number]);
        expect(frags.map(([s, e]) => txt.slice(s, e).join('')).join(' '), l).toBe(quoted);
      }
    }
    core.close();
  });
});

function tinyContent(): PackContent {
  const text = '👍 Jordan says trucks crossed.\n\nSyria denies.\nIt was a wedding convoy.';
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const T = '2026-01-01T00:00:00.000Z';
  const span = (n: number, kind: string, exact: string, extra: Partial<PackAnnotation> = {}): PackAnnotation => {
    const start = text.indexOf(exact);
    return {
      id: id(n), documentId: id(1), kind, start, end: start + exact.length, exact, prefix: '', suffix: '', orphaned: false, sourceId: null, note: null,
      data: null, tagIds: [], claim: null, attributions: [], links: [], revision: 1, created: T, modified: T, creator: null, ...extra,
    };
  };
  const book = { revision: 1, created: T, modified: T, creator: null };
  return {
    documents: [{ record: { id: id(1), sha256: '0'.repeat(64), title: 'T', outlet: null, author: null, url: null, published: null, language: 'en', direction: 'ltr', wordCount: 9, created: T, creator: null, tags: [], imports: [] }, text, original: null }],
    annotations: [
      span(2, 'source', 'Jordan', { sourceId: id(60) }),
      span(3, 'claim', 'Jordan says trucks crossed', {
        claim: { status: 'denied', override: null }, note: 'Check <this>', tagIds: [id(72)],
        attributions: [{ id: id(40), sourceId: id(60), cueSpanId: null, channel: null, channelSpanId: null, speech: 'indirect', anonymous: false, anonymityReason: null, via: [], credibility: 2, rationale: null, rating: null, ...book }],
      }),
      span(4, 'denial', 'Syria denies.\nIt was a wedding', { claim: { status: 'uncontested', override: null }, links: [{ id: id(50), toClaimId: id(3), relation: 'denies', note: null, ...book }] }),
    ],
    sources: [{ id: id(60), name: 'Jordan', type: 'organisation', affiliation: null, aliases: [], reliability: 'B', scopeDocumentId: null, grades: [], ...book }],
    tags: [
      { id: id(71), name: 'Routes & <crossings>', parentId: null, color: '#1f77b4', ...book },
      { id: id(72), name: 'Syria', parentId: id(71), color: null, ...book },
    ],
    analysts: [],
  };
}

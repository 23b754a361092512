/**
 * Re-anchoring the reference annotation of the real corpus, on the documents as they are and on the
 * changed versions saved in tests/fixtures/anchoring (made by edit-script.ts). Where each span must
 * end up is worked out by the edit script itself, independently of the anchoring code: kept spans
 * must be found exactly at their shifted place, edited ones on their new text, deleted ones orphaned.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll, makeSelector, type AnchorResult } from '../../../shared/anchoring/index.ts';
import { loadCorpus, type ClaimSpan, type CorpusDocument } from './corpus.ts';
import { applyEdits, type SpanFate } from './edit-script.ts';

const docs = loadCorpus();

interface Outcome {
  id: string;
  state: 'anchored' | 'orphaned';
  match?: string;
  moved?: boolean;
  start?: number;
  end?: number;
  text?: string;
}

function actual(text: string, span: ClaimSpan, r: AnchorResult): Outcome {
  if (r.state === 'orphaned') return { id: span.id, state: 'orphaned' };
  return { id: span.id, state: 'anchored', match: r.match, moved: r.moved, start: r.start, end: r.end, text: text.slice(r.start, r.end) };
}

function expected(text: string, span: ClaimSpan, fate: SpanFate): Outcome {
  if (fate.fate === 'deleted') return { id: span.id, state: 'orphaned' };
  return {
    id: span.id,
    state: 'anchored',
    match: fate.fate === 'kept' ? 'exact' : 'fuzzy',
    moved: fate.start !== span.start || fate.end !== span.end,
    start: fate.start,
    end: fate.end,
    text: text.slice(fate.start, fate.end),
  };
}

function reanchor(doc: CorpusDocument, spans: readonly ClaimSpan[]) {
  const edited = applyEdits(doc.text, doc.script.edits);
  const results = anchorAll(doc.changed, spans.map((s) => makeSelector(doc.text, s.start, s.end)));
  const fates = spans.map((s) => edited.follow(s.start, s.end));
  return {
    fates,
    results,
    actual: spans.map((s, i) => actual(doc.changed, s, results[i] as AnchorResult)),
    expected: spans.map((s, i) => expected(doc.changed, s, fates[i] as SpanFate)),
  };
}

const count = (fates: readonly SpanFate[], fate: SpanFate['fate']): number => fates.filter((f) => f.fate === fate).length;

describe.each(docs.map((d) => [d.script.source, d] as const))('%s', (_source, doc) => {
  it('is saved changed exactly as the edit script makes it', () => {
    expect(doc.changed).toBe(applyEdits(doc.text, doc.script.edits).text);
    expect(doc.changed).not.toBe(doc.text);
  });

  it('anchors every reference span at its place in the original, unmoved', () => {
    const spans = [...doc.claims, ...doc.quantities];
    const results = anchorAll(doc.text, spans.map((s) => makeSelector(doc.text, s.start, s.end)));
    expect(results).toEqual(spans.map((s) => ({ state: 'anchored', start: s.start, end: s.end, moved: false, match: 'position' })));
  });

  it('re-anchors the claims in the changed version: kept exactly, edited fuzzily, deleted orphaned', () => {
    const { fates, actual: got, expected: want, results } = reanchor(doc, doc.claims);
    expect(got).toEqual(want);
    // The script really exercises all three fates, and edited claims really changed.
    expect(count(fates, 'kept')).toBeGreaterThanOrEqual(3);
    expect(count(fates, 'edited')).toBeGreaterThanOrEqual(3);
    expect(count(fates, 'deleted')).toBeGreaterThanOrEqual(1);
    doc.claims.forEach((c, i) => {
      const want = fates[i];
      if (want?.fate === 'edited') expect(doc.changed.slice(want.start, want.end)).not.toBe(c.exact);
      const r = results[i];
      if (r?.state === 'orphaned') expect(r.reason).toMatch(/^The (quote|closest match) /);
    });
  });

  it('re-anchors the short quantity spans, several of them repeated, without mixing them up', () => {
    const { actual: got, expected: want } = reanchor(doc, doc.quantities);
    expect(got).toEqual(want);
  });
});

describe('the changed documents in numbers', () => {
  it('has the fates the edit script was written to produce', () => {
    const summary = docs.map((doc) => {
      const { fates } = reanchor(doc, doc.claims);
      return `${doc.script.fixture}: ${count(fates, 'kept')} kept, ${count(fates, 'edited')} edited, ${count(fates, 'deleted')} deleted`;
    });
    expect(summary).toEqual([
      '000_f0441c74b4d07c9b.changed.txt: 13 kept, 4 edited, 2 deleted',
      '001_8d8ef2971e5b5191.changed.txt: 18 kept, 4 edited, 2 deleted',
      '002_e433ff60202df370.changed.txt: 33 kept, 4 edited, 3 deleted',
      '003_629ec98bd1675e8a.changed.txt: 26 kept, 3 edited, 2 deleted',
      'naya_foriraq-captagon.changed.txt: 3 kept, 4 edited, 1 deleted',
    ]);
  });
});

describe('the Arabic posts, changed', () => {
  const arabic = docs.find((d) => d.script.source.startsWith('arabic/'));
  if (arabic === undefined) throw new Error('no Arabic document');
  const { actual: got } = reanchor(arabic, arabic.claims);
  const byId = (id: string) => got.find((o) => o.id === id);

  it('follows عرّاب to عراب when the shadda is dropped', () => {
    expect(byId('a2')).toEqual({ id: 'a2', state: 'anchored', match: 'fuzzy', moved: true, start: 58, end: 62, text: 'عراب' });
  });

  it('follows the double space to a single one', () => {
    expect(byId('a3')?.text).toBe('تاجر للمخدرات');
  });

  it('moves the span over كيلوغرامًا with its tanwin intact', () => {
    expect(byId('a6')).toMatchObject({ state: 'anchored', match: 'exact', moved: true, text: 'كيلوغرامًا' });
  });

  it('orphans the deleted post', () => {
    expect(byId('a5')).toEqual({ id: 'a5', state: 'orphaned' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/core/search/query.ts';
import { findMatches, makeSnippet, markAll } from '../../../main/core/search/snippet.ts';
import type { SnippetPart } from '../../../shared/contract.ts';
import { ARABIC, doc } from './corpus-fixture.ts';

const terms = (q: string) => parseQuery(q).terms;
const slices = (text: string, q: string): string[] => findMatches(text, terms(q)).map(([s, e]) => text.slice(s, e));
const joined = (parts: SnippetPart[]): string => parts.map((p) => p.text).join('');
const marked = (parts: SnippetPart[]): string[] => parts.filter((p) => p.match).map((p) => p.text);

describe('findMatches on the English reports', () => {
  const r000 = doc('000').text;
  const r002 = doc('002').text;

  it('marks every whole-word occurrence, at the exact offsets', () => {
    const ranges = findMatches(r000, terms('captagon'));
    const expected = [...r000.matchAll(/\bcaptagon\b/gi)].map((m) => [m.index, m.index + m[0].length]);
    expect(expected.length).toBe(2);
    expect(ranges).toEqual(expected);
  });

  it('is case-insensitive and finds prefixes', () => {
    expect(slices(r002, 'CAPTAGON')).toEqual(['Captagon', 'Captagon']);
    expect(slices(r002, 'captag*')).toEqual(['Captagon', 'Captagon']);
  });

  it('matches whole tokens only, unless a prefix is asked for', () => {
    const text = 'The war warned of an award; war-torn Warsaw.';
    expect(findMatches(text, terms('war'))).toEqual([[4, 7], [28, 31]]);
    expect(slices(text, 'war*')).toEqual(['war', 'warned', 'war', 'Warsaw']);
  });

  it('marks a phrase as one range, punctuation between its words included', () => {
    expect(slices(r000, '"drugs war"')).toEqual(['drugs war']);
    expect(slices('drugs, war and drugs war', '"drugs war"')).toEqual(['drugs, war', 'drugs war']);
    expect(slices(r000, '"war drugs"')).toEqual([]);
  });

  it('marks words typed with punctuation as the phrase of their tokens', () => {
    expect(slices(r000, "Al-Assad's")).toEqual(["Al-Assad's"]);
  });

  it('ignores excluded terms', () => {
    expect(slices(r000, 'captagon NOT Hezbollah')).toEqual(['captagon', 'captagon']);
  });

  it('merges overlapping matches and sorts them', () => {
    expect(findMatches('drugs war drugs', terms('war "drugs war" drugs'))).toEqual([[0, 9], [10, 15]]);
  });

  it('ignores Latin accents and case, precomposed or not', () => {
    const text = 'Déjà vu. De\u0301ja\u0300 vu. DEJA vu.';
    expect(slices(text, 'deja')).toEqual(['Déjà', 'De\u0301ja\u0300', 'DEJA']);
    expect(slices(text, 'DÉJÀ')).toEqual(['Déjà', 'De\u0301ja\u0300', 'DEJA']);
  });

  it('keeps offsets right around emoji and surrogate pairs', () => {
    const text = '🤦🏼‍♂️ captagon 🇯🇴 captagon';
    const ranges = findMatches(text, terms('captagon'));
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['captagon', 'captagon']);
    expect(ranges[0]?.[0]).toBe(text.indexOf('captagon'));
  });

  it('finds a phrase that overlaps itself', () => {
    expect(findMatches('war war war', terms('"war war"'))).toEqual([[0, 11]]);
  });

  it('stays linear on a huge token (a pasted blob) with a prefix term', () => {
    const blob = 'ab'.repeat(200_000);
    expect(slices(`${blob} abc ab`, 'ab*')).toEqual([blob, 'abc', 'ab']);
    expect(slices(`${blob} abc ab`, 'ab')).toEqual(['ab']);
  });

  it('returns nothing for no terms or empty text', () => {
    expect(findMatches(r000, [])).toEqual([]);
    expect(findMatches('', terms('captagon'))).toEqual([]);
  });
});

describe('findMatches on the Arabic document', () => {
  const text = doc(ARABIC).text;

  it.each([
    ['كيلوغراما', ['كيلوغرامًا']],
    ['كيلوغرامًا', ['كيلوغرامًا']],
    ['عراب', ['عرّاب']],
    ['الأمنية', ['الامنية']],
    ['الاراضي', ['الأراضي']],
    ['مادة', ['مادة', 'مادة']],
    ['ماده', ['مادة', 'مادة']],
    ['الكبتاغون', ['الكبتاغون', 'الكبتاغون', 'الكبتاغون']],
    ['الكبتاجون', ['الكبتاجون']],
    ['الكبت*', ['الكبتاغون', 'الكبتاجون', 'الكبتاغون', 'الكبتاغون']],
    ['٣٢', ['32']],
    ['"مادة الكبتاغون"', ['مادة الكبتاغون', 'مادة الكبتاغون']],
  ])('%s marks %j', (query, expected) => {
    expect(slices(text, query)).toEqual(expected);
  });

  it('gives exact UTF-16 offsets in the original, marks included', () => {
    const [range] = findMatches(text, terms('كيلوغراما'));
    const start = text.indexOf('كيلوغرامًا');
    expect(range).toEqual([start, start + 'كيلوغرامًا'.length]);
    const [shadda] = findMatches(text, terms('عراب'));
    expect(shadda).toEqual([text.indexOf('عرّاب'), text.indexOf('عرّاب') + 5]);
  });

  it('maps back through harakat and tatweel on both sides of a word', () => {
    const t = 'قال: الكبتـــاغونَ، وكِتابٌ.';
    expect(slices(t, 'الكبتاغون')).toEqual(['الكبتـــاغونَ']);
    expect(slices(t, 'وكتاب')).toEqual(['وكِتابٌ']);
  });
});

describe('makeSnippet', () => {
  const r002 = doc('002').text;

  it('marks the words in a window of about maxChars, cut at word boundaries with ellipses', () => {
    const parts = makeSnippet(r002, terms('captagon'), { maxChars: 120 });
    expect(marked(parts)).toEqual(['Captagon']);
    const shown = joined(parts);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(120 + 2 + 2 * 24);
    // Cut at word boundaries: what is shown between the ellipses is whole words of the text.
    const inner = shown.slice(1, -1);
    const start = r002.replace(/\s+/g, ' ').indexOf(inner);
    expect(start).toBeGreaterThan(0);
    const flat = r002.replace(/\s+/g, ' ');
    expect(flat[start - 1]).toBe(' ');
    expect(flat[start + inner.length]).toBe(' ');
  });

  it('chooses the window with the most matches', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20);
    const text = `${filler}captagon once. ${filler}captagon and captagon and captagon here. ${filler}captagon last.`;
    const parts = makeSnippet(text, terms('captagon'), { maxChars: 100 });
    expect(marked(parts)).toEqual(['captagon', 'captagon', 'captagon']);
  });

  it('picks the earliest of equally good windows', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20);
    const text = `${filler}first captagon here. ${filler}second captagon here.`;
    expect(joined(makeSnippet(text, terms('captagon'), { maxChars: 60 }))).toContain('first captagon');
  });

  it('collapses whitespace runs to one space for display', () => {
    const text = 'Line one\n\n  with   captagon\tand\u00A0more.';
    const parts = makeSnippet(text, terms('captagon'));
    expect(joined(parts)).toBe('Line one with captagon and more.');
    expect(parts).toEqual([
      { text: 'Line one with ', match: false },
      { text: 'captagon', match: true },
      { text: ' and more.', match: false },
    ]);
  });

  it('shows the start of the text when nothing matches', () => {
    const parts = makeSnippet(r002, terms('zzzz'), { maxChars: 80 });
    expect(parts.every((p) => !p.match)).toBe(true);
    const shown = joined(parts);
    expect(shown.endsWith('…')).toBe(true);
    expect(r002.replace(/\s+/g, ' ').startsWith(shown.slice(0, -1))).toBe(true);
  });

  it('returns the whole short text with no ellipsis', () => {
    expect(makeSnippet('Jordan seizes captagon.', terms('captagon'))).toEqual([
      { text: 'Jordan seizes ', match: false },
      { text: 'captagon', match: true },
      { text: '.', match: false },
    ]);
    expect(makeSnippet('', terms('captagon'))).toEqual([]);
    expect(joined(makeSnippet('\n  Jordan seizes captagon.\n\n', terms('captagon')))).toBe('Jordan seizes captagon.');
  });

  it('cuts Arabic text at word boundaries with its marks intact', () => {
    const text = doc(ARABIC).text;
    const parts = makeSnippet(text, terms('كيلوغراما'), { maxChars: 60 });
    expect(marked(parts)).toEqual(['كيلوغرامًا']);
    const shown = joined(parts);
    expect(shown.startsWith('…')).toBe(true);
    expect(text.replace(/\s+/g, ' ')).toContain(shown.replace(/^…|…$/g, ''));
  });

  it('handles a 1 MB document', () => {
    const big = `${'Smuggling along the border continued. '.repeat(27_000)}Captagon found. ${'More text. '.repeat(1000)}`;
    const parts = makeSnippet(big, terms('captagon'));
    expect(marked(parts)).toEqual(['Captagon']);
    expect(findMatches(big, terms('border'))).toHaveLength(27_000);
  });
});

describe('markAll', () => {
  it('marks the matches in a title and keeps its text exactly', () => {
    const title = 'Iraq fortifies its border with Syria to curb arms, drug smuggling';
    const parts = markAll(title, terms('border smuggl*'));
    expect(joined(parts)).toBe(title);
    expect(marked(parts)).toEqual(['border', 'smuggling']);
  });

  it('works on Arabic titles', () => {
    const title = 'ضبط (51) كيلوغرامًا من حبوب الكبتاغون';
    const parts = markAll(title, terms('كيلوغراما الكبتاغون'));
    expect(joined(parts)).toBe(title);
    expect(marked(parts)).toEqual(['كيلوغرامًا', 'الكبتاغون']);
  });

  it('returns the title as one part without matches', () => {
    expect(markAll('Posts', terms('captagon'))).toEqual([{ text: 'Posts', match: false }]);
    expect(markAll('', terms('captagon'))).toEqual([]);
  });
});

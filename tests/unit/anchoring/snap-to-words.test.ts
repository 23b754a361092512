import { describe, expect, it } from 'vitest';
import { AnchorError, snapToWords } from '../../../shared/anchoring/index.ts';
import { loadCorpus } from './corpus.ts';

const docs = loadCorpus();
const textOf = (source: string): string => {
  const found = docs.find((d) => d.script.source === source);
  if (found === undefined) throw new Error(`no ${source}`);
  return found.text;
};
const ALL = docs.map((d) => d.text).join('\n\n');

const OPEN = '⟦';
const CLOSE = '⟧';

/**
 * Selects the ⟦marked⟧ part of `marked` where that passage occurs (once) in `text`, snaps it, and
 * returns the passage with the snapped selection marked instead: what the analyst would see.
 */
function snapIn(text: string, marked: string): string {
  const open = marked.indexOf(OPEN);
  const close = marked.indexOf(CLOSE) - OPEN.length;
  const passage = marked.replace(OPEN, '').replace(CLOSE, '');
  const at = text.indexOf(passage);
  if (at === -1 || text.indexOf(passage, at + 1) !== -1) throw new Error(`passage must occur once: ${passage}`);
  const { start, end } = snapToWords(text, at + open, at + close);
  if (start < at || end > at + passage.length) return `snapped outside the passage: ${text.slice(start, end)}`;
  return passage.slice(0, start - at) + OPEN + passage.slice(start - at, end - at) + CLOSE + passage.slice(end - at);
}

describe('snapToWords on the English reports', () => {
  it.each([
    ['mid-word start', "Jo⟦rdan's army foiled⟧ a plot", "⟦Jordan's army foiled⟧ a plot"],
    ['mid-word on both ends', 'a pl⟦ot on Mon⟧day by', 'a ⟦plot on Monday⟧ by'],
    ['hyphenated word, cut inside', 'Stops Infiltration By Ir⟦an-Bac⟧ked Drug', 'Stops Infiltration By ⟦Iran-Backed⟧ Drug'],
    ['hyphenated word, cut inside its first part', 'By I⟦ra⟧n-Backed', 'By ⟦Iran-Backed⟧'],
    ['hyphenated word, exactly one part', 'By ⟦Iran⟧-Backed', 'By ⟦Iran⟧-Backed'],
    ['a dangling hyphen pulls in the rest of the word', 'By ⟦Iran-⟧Backed Drug', 'By ⟦Iran-Backed⟧ Drug'],
    ['the second part of a hyphenated word, exactly', 'By Iran-⟦Backed⟧ Drug', 'By Iran-⟦Backed⟧ Drug'],
    ['contraction selected exactly before the apostrophe', "this. ⟦It⟧'s", "this. ⟦It⟧'s"],
    ['a leading hyphen pulls in the start of the word', 'By Iran⟦-Backed⟧ Drug', 'By ⟦Iran-Backed⟧ Drug'],
    ['possessive, apostrophe selected', "⟦Jordan'⟧s army foiled", "⟦Jordan's⟧ army foiled"],
    ['possessive, cut before the apostrophe', "⟦Jord⟧an's army foiled", "⟦Jordan's⟧ army foiled"],
    ['possessive, stopping exactly before the apostrophe', "⟦Jordan⟧'s army foiled", "⟦Jordan⟧'s army foiled"],
    ['contraction cut after the apostrophe', "this. It'⟦s\u00a0Iran⟧", "this. ⟦It's\u00a0Iran⟧"],
    ['plural possessive: the trailing apostrophe is punctuation', "millions of dol⟦lars' wo⟧rth", "millions of ⟦dollars' worth⟧"],
    ['hyphen inside a word, lowercase', 'attempt to clamp-d⟦own on⟧ the', 'attempt to ⟦clamp-down on⟧ the'],
    ['trailing punctuation not selected is not added', 'Gulf mar⟦kets, Re⟧uters has', 'Gulf ⟦markets, Reuters⟧ has'],
    ['punctuation the analyst selected is kept', 'Gulf ⟦markets,⟧ Reuters', 'Gulf ⟦markets,⟧ Reuters'],
    ['selection spanning a quote mark and a comma', 'foreign par⟦ties," senior ar⟧my spokesperson', 'foreign ⟦parties," senior army⟧ spokesperson'],
    ['whitespace at the ends is trimmed', 'Colonel⟦ Mustafa Hiari ⟧told', 'Colonel ⟦Mustafa Hiari⟧ told'],
    ['a number with a thousands separator', 'between $200 and $1,⟦5⟧00 per truck', 'between $200 and $⟦1,500⟧ per truck'],
    ['letters and digits are one word', 'a 160⟦k⟧m concrete wall', 'a ⟦160km⟧ concrete wall'],
  ])('%s', (_case, marked, expected) => {
    expect(snapIn(ALL, marked)).toBe(expected);
  });

  it('trims a no-break space like any space', () => {
    const text = textOf('001_8d8ef2971e5b5191.txt');
    expect(snapIn(text, "this. ⟦It's\u00a0⟧Iran\u00a0that")).toBe("this. ⟦It's⟧\u00a0Iran\u00a0that");
  });
});

describe('snapToWords on the Arabic posts', () => {
  const text = textOf('arabic/naya_foriraq-captagon.txt');

  it.each([
    ['mid-word over a shadda', 'العراقية:\nع⟦رّا⟧ب تهريب', 'العراقية:\n⟦عرّاب⟧ تهريب'],
    ['cut between a letter and its shadda', 'العراقية:\nعر⟦ّاب تهر⟧يب', 'العراقية:\n⟦عرّاب تهريب⟧'],
    ['a word ending in tanwin and alef', 'ضبط (51) كيلو⟦غرام⟧ًا من', 'ضبط (51) ⟦كيلوغرامًا⟧ من'],
    ['cut between the tanwin and the final alef', 'ضبط (51) ⟦كيلوغرامً⟧ا من', 'ضبط (51) ⟦كيلوغرامًا⟧ من'],
    ['parentheses and digits', 'ضبط ⟦(51) كيلو⟧غرامًا', 'ضبط ⟦(51) كيلوغرامًا⟧'],
    ['Arabic comma inside the selection', 'شؤون المخد⟦رات، وبحو⟧زته 32', 'شؤون ⟦المخدرات، وبحوزته⟧ 32'],
    ['the Arabic comma is not added', 'شؤون المخد⟦رات⟧، وبحوزته', 'شؤون ⟦المخدرات⟧، وبحوزته'],
    ['the double space kept as published', 'تعتقل تا⟦جر  للمخ⟧درات بحوزته', 'تعتقل ⟦تاجر  للمخدرات⟧ بحوزته'],
  ])('%s', (_case, marked, expected) => {
    expect(snapIn(text, marked)).toBe(expected);
  });
});

describe('snapToWords on marks, emoji and edge cases', () => {
  it('keeps a combining accent with its letter', () => {
    expect(snapIn('un cafe\u0301 noir', 'un ca⟦f⟧e\u0301 noir')).toBe('un ⟦cafe\u0301⟧ noir');
    expect(snapIn('un cafe\u0301 noir', 'un ⟦cafe⟧\u0301 noir')).toBe('un ⟦cafe\u0301⟧ noir');
  });

  it('never leaves an edge inside an emoji, a flag or a ZWJ sequence', () => {
    expect(snapIn('Great 👍🏽 news', 'Great ⟦👍⟧🏽 news')).toBe('Great ⟦👍🏽⟧ news');
    expect(snapIn('from 🇯🇴 today', 'from 🇯⟦🇴 to⟧day')).toBe('from ⟦🇯🇴 today⟧');
    const family = 'a 👨‍👩‍👧 family';
    const { start, end } = snapToWords(family, 4, 7); // from inside 👨 to after the first ZWJ
    expect(family.slice(start, end)).toBe('👨‍👩‍👧');
  });

  it('returns a selection of only whitespace, or an empty one, unchanged', () => {
    const text = textOf('000_f0441c74b4d07c9b.txt');
    const gap = text.indexOf('\n\n');
    expect(snapToWords(text, gap, gap + 2)).toEqual({ start: gap, end: gap + 2 });
    expect(snapToWords(text, 3, 3)).toEqual({ start: 3, end: 3 });
  });

  it('handles the very start and end of the text', () => {
    expect(snapToWords('Jordan said', 0, 2)).toEqual({ start: 0, end: 6 });
    expect(snapToWords('Jordan said', 8, 11)).toEqual({ start: 7, end: 11 });
  });

  it('refuses offsets outside the text or reversed', () => {
    expect(() => snapToWords('abc', 2, 1)).toThrow(AnchorError);
    expect(() => snapToWords('abc', 0, 4)).toThrow('Selection 0–4 is not inside the text (0–3) in order.');
  });
});

import { describe, expect, it } from 'vitest';
import { foldForIndex, foldWithMap, hasRtl, indexTokenPattern } from '../../../shared/text/fold.ts';
import { doc, ARABIC } from './corpus-fixture.ts';

/** Checks the map's contract: every folded unit comes from its mapped original unit, in order. */
function expectMapConsistent(text: string): void {
  const { folded, map } = foldWithMap(text);
  expect(folded).toBe(foldForIndex(text));
  expect(map.length).toBe(folded.length + 1);
  expect(map[folded.length]).toBe(text.length);
  for (let i = 0; i < folded.length; i++) {
    const from = map[i] ?? -1;
    expect(foldForIndex(text.charAt(from))).toBe(folded.charAt(i));
    if (i > 0) expect(from).toBeGreaterThan(map[i - 1] ?? -1);
  }
}

describe('foldForIndex', () => {
  it.each([
    ['harakat (fatha, kasra, damma, sukun, shadda, tanwin)', 'كَتَبَ كِتابٌ عرّاب مُدْرَسة كيلوغرامًا', 'كتب كتاب عراب مدرسه كيلوغراما'],
    ['superscript alef', 'هٰذا', 'هذا'],
    ['Quranic marks', 'قالۖ وۚ', 'قال و'],
    ['tatweel', 'الكبتـــاغون', 'الكبتاغون'],
    ['alef with hamza above and below, madda, wasla', 'أحمد إلى آمن ٱلله', 'احمد الي امن الله'],
    ['taa marbuta', 'الأمنية مدينة', 'الامنيه مدينه'],
    ['alef maqsura', 'على مستشفى', 'علي مستشفي'],
    ['hamza on waw and on yaa', 'مؤتمر رئيس', 'موتمر رييس'],
    ['Persian/Urdu keheh and farsi yeh', 'کتاب ایران', 'كتاب ايران'],
    ['Arabic-Indic digits', '٣٢ كغم و ۰۱۲۳۴۵۶۷۸۹', '32 كغم و 0123456789'],
  ])('%s', (_rule, input, expected) => {
    expect(foldForIndex(input)).toBe(expected);
  });

  it('keeps ghain and jeem apart (captagon spellings are an alias matter, not folding)', () => {
    expect(foldForIndex('الكبتاغون')).not.toBe(foldForIndex('الكبتاجون'));
  });

  it('returns Latin text itself, untouched: case, accents, emoji and combining marks', () => {
    const latin = 'Déjà vu, CAPTAGON e\u0301 🤦🏼‍♂️ 🇯🇴 Straße Ⅲ';
    expect(foldForIndex(latin)).toBe(latin);
    expect(foldWithMap(latin).folded).toBe(latin);
  });

  it('returns the very same string for a whole English report', () => {
    const text = doc('000').text;
    expect(foldForIndex(text)).toBe(text);
    expect(Object.is(foldForIndex(text), text)).toBe(true);
  });

  it('changes only Arabic in mixed text', () => {
    expect(foldForIndex('Captagon (الكبتاغون) 🇮🇶 ٥٠')).toBe('Captagon (الكبتاغون) 🇮🇶 50');
  });

  it('is idempotent', () => {
    const text = doc(ARABIC).text;
    expect(foldForIndex(foldForIndex(text))).toBe(foldForIndex(text));
  });
});

describe('foldWithMap', () => {
  it('maps "كِيلوغرامًا" back exactly', () => {
    const text = 'ضبط (51) كِيلوغرامًا';
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe('ضبط (51) كيلوغراما');
    const s = folded.indexOf('كيلوغراما');
    const e = s + 'كيلوغراما'.length;
    expect(text.slice(map[s], map[e])).toBe('كِيلوغرامًا');
    expectMapConsistent(text);
  });

  it('maps "عرّاب" (shadda) back exactly', () => {
    const text = 'وزارة الداخلية: عرّاب تهريب';
    const { folded, map } = foldWithMap(text);
    const s = folded.indexOf('عراب');
    expect(text.slice(map[s], map[s + 4])).toBe('عرّاب');
  });

  it('keeps marks and tatweel that follow a word inside the mapped range', () => {
    const text = 'كتابٌ الكبتـــاغونَ.';
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe('كتاب الكبتاغون.');
    expect(text.slice(map[0], map[4])).toBe('كتابٌ');
    const s = folded.indexOf('الكبتاغون');
    expect(text.slice(map[s], map[s + 'الكبتاغون'.length])).toBe('الكبتـــاغونَ');
  });

  it('is the identity on Latin text, emoji and combining marks included', () => {
    const text = 'e\u0301 🤦🏼‍♂️ x';
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe(text);
    expect(Array.from(map)).toEqual(Array.from({ length: text.length + 1 }, (_, i) => i));
  });

  it('is consistent over the whole Arabic document', () => {
    const text = doc(ARABIC).text;
    expectMapConsistent(text);
    // The fixture's own words, found in folded text, map back to the text as published.
    const { folded, map } = foldWithMap(text);
    for (const [query, original] of [
      ['كيلوغراما', 'كيلوغرامًا'],
      ['عراب', 'عرّاب'],
      ['الاراضي', 'الأراضي'],
    ] as const) {
      const s = folded.indexOf(query);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(text.slice(map[s], map[s + query.length])).toBe(original);
    }
  });

  it('handles empty text', () => {
    const { folded, map } = foldWithMap('');
    expect(folded).toBe('');
    expect(Array.from(map)).toEqual([0]);
  });

  it('handles a long Arabic text in one piece (no argument-count limits)', () => {
    const text = 'عرّاب الكبتـاغون '.repeat(20_000);
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe('عراب الكبتاغون '.repeat(20_000));
    expect(map[folded.length]).toBe(text.length);
  });
});

describe('hasRtl', () => {
  it('detects Arabic and Hebrew, not Latin', () => {
    expect(hasRtl('captagon الكبتاغون')).toBe(true);
    expect(hasRtl('שלום')).toBe(true);
    expect(hasRtl('Captagon, déjà 🤦')).toBe(false);
  });
});

describe('indexTokenPattern', () => {
  it('splits like unicode61: letters and digits, Latin combining marks inside a token', () => {
    expect('al-Assad\'s e\u0301x c++ 2023 a\u200db'.match(indexTokenPattern())).toEqual([
      'al', 'Assad', 's', 'e\u0301x', 'c', '2023', 'a', 'b',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  AnchorError,
  codePointsToUtf16,
  makeOffsetConverter,
  utf16ToCodePoints,
} from '../../../shared/anchoring/index.ts';
import { loadCorpus } from './corpus.ts';

// "Jordan " 7 units / 7 code points; 🇯🇴 4 / 2; " " ; 👍🏽 4 / 2; " "; 👨‍👩‍👧 8 / 5 (three astral
// people, two ZWJ); " "; "cafe\u0301" 5 / 5; " "; "عرّاب" 5 / 5; " "; "كيلوغرامًا" 10 / 10; " "; 𝐀 2 / 1.
const MIXED = 'Jordan 🇯🇴 👍🏽 👨‍👩‍👧 cafe\u0301 عرّاب كيلوغرامًا 𝐀';

/** Every offset between two code points, in UTF-16 units. */
function codePointBoundaries(text: string): number[] {
  const offsets = [0];
  for (const ch of text) offsets.push((offsets.at(-1) ?? 0) + ch.length);
  return offsets;
}

describe('utf16ToCodePoints / codePointsToUtf16', () => {
  it('counts astral characters once and everything else unit for unit', () => {
    expect(MIXED.length).toBe(51);
    expect(Array.from(MIXED).length).toBe(43);
    expect(utf16ToCodePoints(MIXED, 7)).toBe(7); // before the flag
    expect(utf16ToCodePoints(MIXED, 11)).toBe(9); // after 🇯🇴 (two regional indicators)
    expect(utf16ToCodePoints(MIXED, 16)).toBe(12); // after 👍🏽 (thumb + skin tone)
    expect(utf16ToCodePoints(MIXED, 25)).toBe(18); // after the ZWJ family
    expect(utf16ToCodePoints(MIXED, 31)).toBe(24); // after cafe + U+0301
    expect(utf16ToCodePoints(MIXED, 37)).toBe(30); // after عرّاب (shadda is its own code point)
    expect(utf16ToCodePoints(MIXED, 51)).toBe(43);
    expect(codePointsToUtf16(MIXED, 9)).toBe(11);
    expect(codePointsToUtf16(MIXED, 18)).toBe(25);
    expect(codePointsToUtf16(MIXED, 43)).toBe(51);
  });

  it('round-trips every code point boundary exactly', () => {
    for (const offset of codePointBoundaries(MIXED)) {
      expect(codePointsToUtf16(MIXED, utf16ToCodePoints(MIXED, offset))).toBe(offset);
    }
  });

  it('refuses an offset inside a surrogate pair, or outside the text', () => {
    expect(() => utf16ToCodePoints(MIXED, 8)).toThrowError(
      expect.objectContaining({ code: 'SPLITS_CHARACTER' }) as Error,
    );
    const codes = [
      () => utf16ToCodePoints(MIXED, 52),
      () => utf16ToCodePoints(MIXED, -1),
      () => utf16ToCodePoints(MIXED, 1.5),
      () => codePointsToUtf16(MIXED, 44),
      () => codePointsToUtf16(MIXED, -1),
    ].map((f) => {
      try {
        f();
        return 'no error';
      } catch (e) {
        return e instanceof AnchorError ? e.code : String(e);
      }
    });
    expect(codes).toEqual(['OUT_OF_RANGE', 'OUT_OF_RANGE', 'OUT_OF_RANGE', 'OUT_OF_RANGE', 'OUT_OF_RANGE']);
    expect(() => codePointsToUtf16(MIXED, 44)).toThrow('Code point offset 44 is outside the text, which is 43 code points long.');
  });

  it('counts a lone surrogate as one code point, as JavaScript does', () => {
    const broken = 'a\ud800b\udc00c';
    expect(Array.from(broken).length).toBe(5);
    expect(utf16ToCodePoints(broken, 5)).toBe(5);
    expect(codePointsToUtf16(broken, 3)).toBe(3);
  });
});

describe('makeOffsetConverter', () => {
  it('agrees with the one-off functions on every offset of mixed text', () => {
    const convert = makeOffsetConverter(MIXED);
    expect(convert.utf16Length).toBe(51);
    expect(convert.codePointLength).toBe(43);
    for (const offset of codePointBoundaries(MIXED)) {
      const cp = convert.toCodePoints(offset);
      expect(cp).toBe(utf16ToCodePoints(MIXED, offset));
      expect(convert.toUtf16(cp)).toBe(offset);
    }
    expect(() => convert.toCodePoints(13)).toThrowError(expect.objectContaining({ code: 'SPLITS_CHARACTER' }) as Error);
    expect(() => convert.toUtf16(44)).toThrowError(expect.objectContaining({ code: 'OUT_OF_RANGE' }) as Error);
  });

  it('is the identity on the corpus, Arabic included (no astral characters)', () => {
    for (const { text } of loadCorpus()) {
      const convert = makeOffsetConverter(text);
      expect(convert.codePointLength).toBe(text.length);
      for (const offset of [0, 1, Math.floor(text.length / 2), text.length]) {
        expect(convert.toCodePoints(offset)).toBe(offset);
        expect(convert.toUtf16(offset)).toBe(offset);
      }
    }
  });

  it('converts the claims of a report with emoji inserted, and back, exactly', () => {
    const [report] = loadCorpus();
    if (report === undefined) throw new Error('no corpus');
    // An emoji after every paragraph break: each shifts later code point offsets by one more.
    const text = report.text.replaceAll('\n\n', '\n👍🏽\n');
    const pairsBefore = (offset: number): number => (text.slice(0, offset).match(/👍🏽/gu) ?? []).length * 2;
    const convert = makeOffsetConverter(text);
    for (const claim of report.claims) {
      const start = text.indexOf(claim.exact);
      const end = start + claim.exact.length;
      const cpStart = convert.toCodePoints(start);
      const cpEnd = convert.toCodePoints(end);
      expect(cpStart).toBe(start - pairsBefore(start));
      expect(Array.from(text).slice(cpStart, cpEnd).join('')).toBe(claim.exact);
      expect([convert.toUtf16(cpStart), convert.toUtf16(cpEnd)]).toEqual([start, end]);
    }
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../main/core/import/decode.ts';
import { countWords, normalizeText, sha256Hex, sha256HexOfUtf8 } from '../../../main/core/import/normalize.ts';
import { corpusBytes, corpusText, expectedTexts, fixtureBytes } from './fixtures.ts';

describe('normalizeText', () => {
  it.each(expectedTexts)('%s: decoded then normalised gives the stored form', (rel, want) => {
    expect(normalizeText(decodeText(fixtureBytes(rel)).text)).toBe(want.normalized ?? want.text);
  });

  it('composes NFD to NFC (the fixture really was decomposed)', () => {
    const raw = decodeText(fixtureBytes('encodings/nfd.txt')).text;
    expect(raw).toContain('e\u0300');
    const text = normalizeText(raw);
    expect(text).toContain('ministère');
    expect(text).toContain('أعلنت'); // alef + hamza above composed to U+0623
    expect(text).not.toContain('\u0654');
  });

  it('turns CRLF and lone CR into LF, and strips one leading BOM', () => {
    expect(normalizeText('\ufeffa\r\nb\rc\n\r\n')).toBe('a\nb\nc\n\n');
  });

  it('keeps everything else exactly: double spaces, NBSP, curly quotes, tatweel, trailing spaces, tabs', () => {
    const s = 'He said  “no”\u00a0— it’s  ـــ  تاجر  للمخدرات \t\n  indented\n\n\n';
    expect(normalizeText(s)).toBe(s);
  });

  it('may skip NFC below U+0300: every such character, and every pair of them, is NFC already', () => {
    const chars = Array.from({ length: 0x300 }, (_, c) => String.fromCharCode(c));
    const changed: string[] = [];
    for (const a of chars) {
      if (a.normalize('NFC') !== a) changed.push(a);
      for (const b of chars) if ((a + b).normalize('NFC') !== a + b) changed.push(a + b);
    }
    expect(changed).toEqual([]);
    // From U+0300 on, composition happens: the shortcut must not be taken.
    expect(normalizeText('Ministe\u0300re')).toBe('Ministère');
    expect(normalizeText('\u0627\u0654')).toBe('\u0623');
  });

  it('leaves the corpus untouched (already NFC with \\n)', () => {
    for (const name of ['001_8d8ef2971e5b5191.txt', 'arabic/naya_foriraq-captagon.txt']) {
      expect(normalizeText(corpusText(name))).toBe(corpusText(name));
    }
  });
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 of the text', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });

  it('equals the hash of the file for a corpus file stored as is', () => {
    const bytes = corpusBytes('arabic/naya_foriraq-captagon.txt');
    expect(sha256Hex(corpusText('arabic/naya_foriraq-captagon.txt'))).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
    expect(sha256HexOfUtf8(bytes)).toBe(sha256Hex(corpusText('arabic/naya_foriraq-captagon.txt')));
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['  — … !  ', 0],
    ['Jordan’s army, al-Bar and Iran-backed militias: $1,500 per truck.', 9],
    ['It cost 3.5 million on 12/19/2023.', 6],
    ['ضبط (51) كيلوغرامًا من حبوب الكبتاغون', 6],
    ['عرّاب تهريب المخدرات، وبحوزته 32 كغم', 6],
    ['de\u0301clare\u0301 twice', 2],
    ['می‌خواهم بروم', 2],
    ['“Quoted” words — and more…', 4],
    ['𝐀𝐁 x 😀 y', 3],
    ['a-', 1],
    ['1.', 1],
    ['1.5.', 1],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });

  it('counts the same again (no state left in the pattern)', () => {
    const text = corpusText('000_f0441c74b4d07c9b.txt');
    const first = countWords(text);
    expect(first).toBeGreaterThan(400);
    expect(countWords(text)).toBe(first);
  });
});

import chardet from 'chardet';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeText } from '../../../main/core/import/decode.ts';
import { corpusBytes, corpusText, expected, expectedTexts, fixtureBytes, importErrorOf } from './fixtures.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('decodeText: the encodings analysts receive', () => {
  it.each(expectedTexts)('%s decodes to exactly the original text', (rel, want) => {
    const decoded = decodeText(fixtureBytes(rel));
    expect(decoded.encoding).toBe(want.encoding);
    expect(decoded.text).toBe(want.text);
  });

  it('reads the windows-1256 fixture as the Arabic lines of the corpus, shadda and tanwin included', () => {
    const original = corpusText('arabic/naya_foriraq-captagon.txt').split('\n').slice(0, 6).join('\n') + '\n';
    const decoded = decodeText(fixtureBytes('encodings/arabic-1256.txt'));
    expect(decoded).toEqual({ text: original, encoding: 'windows-1256' });
    expect(decoded.text).toContain('عرّاب');
    expect(decoded.text).toContain('تاجر  للمخدرات'); // the double space as published
  });

  it('strips the byte-order mark it detected and nothing else', () => {
    const decoded = decodeText(fixtureBytes('encodings/utf8-bom.txt'));
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(decoded.text.startsWith('Border report')).toBe(true);
  });

  it('returns valid UTF-8 as is, corpus files included, without running detection', () => {
    const analyse = vi.spyOn(chardet, 'analyse');
    for (const name of ['000_f0441c74b4d07c9b.txt', '002_e433ff60202df370.txt', 'arabic/naya_foriraq-captagon.txt']) {
      const decoded = decodeText(corpusBytes(name));
      expect(decoded).toEqual({ text: corpusText(name), encoding: 'utf-8' });
    }
    expect(analyse).not.toHaveBeenCalled();
    // The spy does see the legacy path, so the assertion above can fail.
    decodeText(fixtureBytes('encodings/french-spanish-1252.txt'));
    expect(analyse).toHaveBeenCalled();
  });

  it('reads pure ASCII as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('Plain text.\n')).encoding).toBe('utf-8');
  });
});

describe('decodeText: refusals', () => {
  it.each([
    ['binary/photo.txt', 'a PNG image'],
    ['binary/report.txt', 'a PDF document'],
  ])('%s is refused as BINARY naming the format', (rel, format) => {
    const e = importErrorOf(() => decodeText(fixtureBytes(rel)));
    expect(e.code).toBe('BINARY');
    expect(e.message).toBe(`This looks like ${format}, not text.`);
  });

  it('recognises a PDF even when its bytes are pure ASCII (valid UTF-8)', () => {
    const e = importErrorOf(() => decodeText(new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')));
    expect(e.code).toBe('BINARY');
    expect(e.message).toContain('PDF');
  });

  it('refuses NUL bytes as binary, with a hint about UTF-16 without a BOM', () => {
    const e = importErrorOf(() => decodeText(fixtureBytes('binary/nul-bytes.txt')));
    expect(e.code).toBe('BINARY');
    expect(e.message).toContain('NUL');
    expect(e.message).toContain('UTF-16');
  });

  it('refuses many control characters as binary', () => {
    const bytes = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x61));
    expect(importErrorOf(() => decodeText(bytes)).code).toBe('BINARY');
  });

  it('refuses a stray control character as INVALID_TEXT, naming it and its line', () => {
    const e = importErrorOf(() => decodeText(new TextEncoder().encode('First line\nSecond\u0007 line\n')));
    expect(e.code).toBe('INVALID_TEXT');
    expect(e.message).toContain('U+0007');
    expect(e.message).toContain('line 2, column 7');
  });

  it('refuses C1 controls in UTF-8 (a mis-converted file), keeping \\t \\f \\r \\n', () => {
    expect(decodeText(new TextEncoder().encode('a\tb\fc\r\nd')).text).toBe('a\tb\fc\r\nd');
    const e = importErrorOf(() => decodeText(new TextEncoder().encode('Next\u0085line')));
    expect(e.code).toBe('INVALID_TEXT');
    expect(e.message).toContain('U+0085');
  });

  it('refuses damaged UTF-8 with the offset of the first bad byte, rather than guessing a legacy encoding', () => {
    const want = expected['encodings/damaged-utf8.txt'] as { firstInvalidByte: number; line: number };
    const analyse = vi.spyOn(chardet, 'analyse');
    const e = importErrorOf(() => decodeText(fixtureBytes('encodings/damaged-utf8.txt')));
    expect(e.code).toBe('INVALID_TEXT');
    expect(e.message).toContain(`Invalid UTF-8 at byte ${want.firstInvalidByte} (line ${want.line})`);
    expect(e.message).toContain('2 damaged sequences');
    expect(e.details).toMatchObject({ offset: want.firstInvalidByte, line: want.line });
    expect(analyse).not.toHaveBeenCalled();
  });

  it('refuses UTF-8 glued to windows-1252 text as damaged, not as a legacy file', () => {
    const bytes = Buffer.concat([
      Buffer.from('Jordan’s army said “we are facing a war” on Monday. ', 'utf8'),
      iconv.encode('Le ministère a déclaré mercredi que la frontière était fermée.', 'windows-1252'),
    ]);
    const e = importErrorOf(() => decodeText(bytes));
    expect(e.code).toBe('INVALID_TEXT');
    expect(e.message).toContain('Invalid UTF-8 at byte');
  });

  it('refuses UTF-8 Arabic glued to windows-1256 Arabic (it would read as "ط§ظ„")', () => {
    const bytes = Buffer.concat([
      Buffer.from('الاستخبارات العسكرية العراقية تعتقل تاجر للمخدرات في محافظة الأنبار\n', 'utf8'),
      iconv.encode(
        'القوات الامنية العراقية تحبط محاولة لتهريب 700 ألف حبة من مادة الكبتاغون المخدرة وتلقي القبض على متهمين اثنين داخل الأراضي الكويتية. وزارة الداخلية العراقية تعلن ضبط كميات كبيرة',
        'windows-1256',
      ),
    ]);
    expect(importErrorOf(() => decodeText(bytes)).code).toBe('INVALID_TEXT');
  });

  it.each([
    ['ISO-8859-2', 'Straż Graniczna poinformowała, że przemytnicy coraz częściej używają dronów. Żołnierze zatrzymali łódź z ładunkiem tabletek na granicy.'],
    ['windows-1251', 'Пограничники задержали контрабандистов на границе с Сирией, сообщило министерство обороны в понедельник вечером.'],
  ])('refuses text in %s (not supported) as UNKNOWN_ENCODING naming the guess', (encoding, text) => {
    const e = importErrorOf(() => decodeText(iconv.encode(text, encoding)));
    expect(e.code).toBe('UNKNOWN_ENCODING');
    expect(e.message).toContain(encoding);
    expect(e.message).toContain('Invalid UTF-8 at byte');
    expect(e.message).toContain('not imported rather than stored garbled');
  });

  it('refuses when detection is not confident', () => {
    const e = importErrorOf(() => decodeText(Uint8Array.from([0x41, 0xe9])));
    expect(e.code).toBe('UNKNOWN_ENCODING');
    expect(e.message).toContain('Invalid UTF-8 at byte 1');
  });

  it('refuses empty, whitespace-only and BOM-only files as EMPTY', () => {
    expect(importErrorOf(() => decodeText(fixtureBytes('binary/empty.txt'))).message).toContain('0 bytes');
    expect(importErrorOf(() => decodeText(fixtureBytes('binary/whitespace.txt'))).code).toBe('EMPTY');
    expect(importErrorOf(() => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf]))).code).toBe('EMPTY');
    expect(importErrorOf(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00]))).code).toBe('EMPTY');
  });

  it('refuses broken UTF-16: an odd length, a lone surrogate', () => {
    const odd = importErrorOf(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42])));
    expect(odd.code).toBe('INVALID_TEXT');
    expect(odd.message).toContain('odd number of bytes (5)');
    const lone = importErrorOf(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00])));
    expect(lone.code).toBe('INVALID_TEXT');
    expect(lone.message).toContain('at byte 4');
  });

  it('refuses UTF-32 as UNKNOWN_ENCODING', () => {
    const e = importErrorOf(() => decodeText(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])));
    expect(e.code).toBe('UNKNOWN_ENCODING');
    expect(e.message).toContain('UTF-32');
  });
});

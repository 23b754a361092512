import { describe, expect, it } from 'vitest';
import { AnchorError, makeSelector, validateSpan } from '../../../shared/anchoring/index.ts';
import { loadCorpus } from './corpus.ts';

const [report000, , , , arabic] = loadCorpus();
if (report000 === undefined || arabic === undefined) throw new Error('corpus not loaded');

function codeOf(f: () => void): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    return e instanceof AnchorError ? e.code : `not an AnchorError: ${String(e)}`;
  }
}

describe('makeSelector', () => {
  it('keeps 32 units of context on each side of a claim', () => {
    const c3 = report000.claims.find((c) => c.id === 'c3');
    if (c3 === undefined) throw new Error('no c3');
    expect(makeSelector(report000.text, c3.start, c3.end)).toEqual({
      start: 435,
      end: 535,
      exact: 'We are facing a war along the borders, a drugs war led by organisations supported by foreign parties',
      prefix: 'ed border terrain with Syria.\n\n"',
      suffix: ',\" senior army spokesperson Colo',
    });
  });

  it('keeps less context at the ends of the text', () => {
    const last = report000.claims.find((c) => c.id === 'c19');
    if (last === undefined) throw new Error('no c19');
    const selector = makeSelector(report000.text, last.start, last.end);
    expect(selector.suffix).toBe('.');
    expect(selector.prefix).toBe('g to the Jordanian authorities, ');
    expect(makeSelector(report000.text, 0, 6)).toMatchObject({ exact: 'Jordan', prefix: '' });
  });

  it('takes Arabic context with its harakat, and honours contextLength', () => {
    const start = arabic.text.indexOf('كيلوغرامًا');
    expect(makeSelector(arabic.text, start, start + 10, 10)).toEqual({
      start: 490,
      end: 500,
      exact: 'كيلوغرامًا',
      prefix: '\nضبط (51) ',
      suffix: ' من حبوب ا',
    });
    expect(makeSelector(arabic.text, 25, 30, 0)).toEqual({ start: 25, end: 30, exact: 'عرّاب', prefix: '', suffix: '' });
  });

  it('never cuts an emoji in half at a context edge: the context is one unit shorter instead', () => {
    // 32 units before SPAN start on the low half of 👍, 32 units after it end on the high half.
    const cut = `👍${'x'.repeat(31)}SPAN${'y'.repeat(31)}👍`;
    const at = cut.indexOf('SPAN');
    expect(makeSelector(cut, at, at + 4)).toMatchObject({ prefix: 'x'.repeat(31), suffix: 'y'.repeat(31) });
    // One unit fewer on each side: the emoji fits whole, and the context is the full 32 units.
    const whole = `👍${'x'.repeat(30)}SPAN${'y'.repeat(30)}👍`;
    const at2 = whole.indexOf('SPAN');
    expect(makeSelector(whole, at2, at2 + 4)).toMatchObject({ prefix: `👍${'x'.repeat(30)}`, suffix: `${'y'.repeat(30)}👍` });
  });

  it('refuses an invalid span with the same errors as validateSpan', () => {
    expect(codeOf(() => makeSelector('abc', 1, 1))).toBe('EMPTY_SPAN');
    expect(codeOf(() => makeSelector('abc', 2, 5))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => makeSelector('a👍b', 1, 2))).toBe('SPLITS_CHARACTER');
    expect(() => makeSelector('abc', 0, 1, -1)).toThrow(RangeError);
  });
});

describe('validateSpan', () => {
  const text = report000.text;

  it('accepts every reference claim at its place', () => {
    for (const c of report000.claims) {
      expect(() => validateSpan(text, c)).not.toThrow();
    }
  });

  it.each([
    ['start < 0', { start: -1, end: 6, exact: 'Jordan' }, 'OUT_OF_RANGE', 'Span -1–6 is invalid: it starts before the text (start < 0).'],
    ['end past the text', { start: 2700, end: 2706, exact: 'year.' }, 'OUT_OF_RANGE', 'Span 2700–2706 is invalid: it ends after the text, which is 2705 UTF-16 units long.'],
    ['start after end', { start: 6, end: 0, exact: '' }, 'OUT_OF_RANGE', 'Span 6–0 is invalid: it starts after it ends.'],
    ['non-integer offsets', { start: 0.5, end: 6, exact: 'Jordan' }, 'OUT_OF_RANGE', 'Span 0.5–6 is invalid: offsets must be whole numbers of UTF-16 units.'],
    ['NaN', { start: Number.NaN, end: 6, exact: 'Jordan' }, 'OUT_OF_RANGE', 'Span NaN–6 is invalid: offsets must be whole numbers of UTF-16 units.'],
    ['zero length', { start: 6, end: 6, exact: '' }, 'EMPTY_SPAN', 'Span 6–6 is empty: a span must cover at least one character.'],
  ])('%s', (_case, span, code, message) => {
    expect(codeOf(() => validateSpan(text, span))).toBe(code);
    expect(() => validateSpan(text, span)).toThrow(message);
  });

  it('quotes both texts, cut to 40 characters, when the quote does not match', () => {
    const span = { start: 27, end: 227, exact: 'pro-Iranian Syrian army units and militias loyal to Tehran are stepping up their attempts' };
    expect(codeOf(() => validateSpan(text, span))).toBe('EXACT_MISMATCH');
    // The two agree on their first 89 characters: both are shown from just before the difference.
    expect(() => validateSpan(text, span)).toThrow(
      'Span 27–227 does not match the text: the text there is "…r attempts to smuggle hundreds of millio…" ' +
        'but the span quotes "…r attempts". The document may have changed, ' +
        'or the offsets were counted in other units than UTF-16.',
    );
    expect(() => validateSpan(text, { start: 0, end: 27, exact: 'Jordan denied on Monday that' })).toThrow(
      'the text there is "Jordan said on Monday that " but the span quotes "Jordan denied on Monday that".',
    );
    expect(() => validateSpan(text, { start: 0, end: 6, exact: 'Jordan\n' })).toThrow(
      'the text there is "Jordan" but the span quotes "Jordan\\n".',
    );
  });

  it('names a span that cuts an emoji in half', () => {
    const emoji = 'Great 👍🏽 news';
    expect(codeOf(() => validateSpan(emoji, { start: 7, end: 14, exact: emoji.slice(7, 14) }))).toBe('SPLITS_CHARACTER');
    expect(() => validateSpan(emoji, { start: 6, end: 9, exact: emoji.slice(6, 9) })).toThrow(
      'Span 6–9 ends inside a character (an emoji or other character made of two UTF-16 units, at offset 8): ' +
        'a span must start and end between characters.',
    );
    expect(() => validateSpan(emoji, { start: 6, end: 10, exact: '👍🏽' })).not.toThrow();
  });

  it('accepts spans over Arabic marks and a combining accent: they are whole code points', () => {
    expect(() => validateSpan(arabic.text, { start: 25, end: 30, exact: 'عرّاب' })).not.toThrow();
    expect(() => validateSpan('cafe\u0301', { start: 0, end: 5, exact: 'cafe\u0301' })).not.toThrow();
  });
});

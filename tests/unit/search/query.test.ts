import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../main/core/errors.ts';
import { MAX_TERMS, parseQuery, type QueryTerm } from '../../../main/core/search/query.ts';

function term(text: string, flags: Partial<Omit<QueryTerm, 'text'>> = {}): QueryTerm {
  return { text, prefix: false, phrase: false, negated: false, ...flags };
}

/** The DomainError parseQuery throws for `input`. */
function failure(input: string): DomainError {
  try {
    parseQuery(input);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

describe('parseQuery: words, phrases, operators', () => {
  it.each([
    ['captagon', '"captagon"'],
    ['Captagon Jordan', '"captagon" AND "jordan"'],
    ['captagon AND jordan', '"captagon" AND "jordan"'],
    ['"drugs war"', '"drugs war"'],
    ['“drugs war”', '"drugs war"'],
    ['„drugs war“', '"drugs war"'],
    ['Hezbollah OR Hizbullah', '"hezbollah" OR "hizbullah"'],
    ['captagon Hezbollah OR Hizbullah', '"captagon" AND ("hezbollah" OR "hizbullah")'],
    ['a OR b OR c', '"a" OR "b" OR "c"'],
    ['captagon NOT Hezbollah', '"captagon" NOT "hezbollah"'],
    ['captagon -Hezbollah', '"captagon" NOT "hezbollah"'],
    ['captagon jordan -Hezbollah -"drugs war"', '("captagon" AND "jordan") NOT "hezbollah" NOT "drugs war"'],
    ['captag*', '"captag"*'],
    ['"drugs wa"*', '"drugs wa"*'],
    ['captagon (Hezbollah OR Hizbullah) jordan', '"captagon" AND ("hezbollah" OR "hizbullah") AND "jordan"'],
    ['(a b) OR c', '("a" AND "b") OR "c"'],
    ['x NOT (a OR b)', '"x" NOT ("a" OR "b")'],
    ['x (a -b) OR c', '"x" AND (("a" NOT "b") OR "c")'],
    ['al-Assad', '"al assad"'],
    ['or and not near', '"or" AND "and" AND "not" AND "near"'],
    ['"NOT" "OR"', '"not" AND "or"'],
  ])('%s → %s', (input, fts) => {
    expect(parseQuery(input).fts).toBe(fts);
  });

  it('reports terms with their flags, in the order typed', () => {
    expect(parseQuery('Captag* "Drugs War" NOT Hezbollah -x').terms).toEqual([
      term('captag', { prefix: true }),
      term('drugs war', { phrase: true }),
      term('hezbollah', { negated: true }),
      term('x', { negated: true }),
    ]);
  });

  it('never lets punctuation, column filters or FTS5 keywords through as syntax', () => {
    const q = parseQuery(`al-Assad's "regime" (2023) OR c++ title:x ^ NEAR/3`);
    expect(q.fts).toBe('"al assad s" AND "regime" AND ("2023" OR "c") AND "title x" AND "near 3"');
    expect(q.terms.map((t) => t.text)).toEqual(['al assad s', 'regime', '2023', 'c', 'title x', 'near 3']);
  });

  it('searches SQL text as words', () => {
    expect(parseQuery(`'; DROP TABLE documents; --`).fts).toBe('"drop" AND "table" AND "documents"');
  });

  it('drops terms that are only punctuation, and operators left around them', () => {
    expect(parseQuery('captagon ??? !!').fts).toBe('"captagon"');
    expect(parseQuery('captagon OR ???').fts).toBe('"captagon"');
    expect(parseQuery('captagon -!!!').fts).toBe('"captagon"');
    expect(parseQuery('captagon ()').fts).toBe('"captagon"');
  });

  it('ignores unbalanced parentheses (half-typed input)', () => {
    expect(parseQuery('(captagon OR pills').fts).toBe('"captagon" OR "pills"');
    expect(parseQuery('captagon) jordan').fts).toBe('"captagon" AND "jordan"');
    expect(parseQuery('smile :)').fts).toBe('"smile"');
  });

  it('treats a lone dash as punctuation', () => {
    expect(parseQuery('Iraq - Syria').fts).toBe('"iraq" AND "syria"');
  });
});

describe('parseQuery: Arabic', () => {
  it('folds harakat, tatweel, hamza forms and taa marbuta out of the query', () => {
    expect(parseQuery('كِيلوغرامًا').fts).toBe('"كيلوغراما"');
    expect(parseQuery('عرّاب').fts).toBe('"عراب"');
    expect(parseQuery('الأمنية').fts).toBe('"الامنيه"');
    expect(parseQuery('الكبتـــاغون').fts).toBe('"الكبتاغون"');
  });

  it('folds Arabic-Indic digits', () => {
    expect(parseQuery('٣٢ كغم').fts).toBe('"32" AND "كغم"');
  });

  it('handles Arabic with operators, phrases, prefixes and direction marks', () => {
    expect(parseQuery('الكبتاغون OR الكبتاجون').fts).toBe('"الكبتاغون" OR "الكبتاجون"');
    expect(parseQuery('"مادة الكبتاغون"').fts).toBe('"ماده الكبتاغون"');
    expect(parseQuery('الكبت*').fts).toBe('"الكبت"*');
    expect(parseQuery('\u200Fالكبتاغون\u200F -الأنبار').fts).toBe('"الكبتاغون" NOT "الانبار"');
  });
});

describe('parseQuery: errors', () => {
  it.each([
    ['"drugs war', 0, 'The quotation mark at position 1 is never closed.'],
    ['captagon “drugs', 9, 'The quotation mark at position 10 is never closed.'],
    ['OR captagon', 0, 'OR at position 1 needs a word on both sides.'],
    ['captagon OR', 9, 'OR at position 10 needs a word on both sides.'],
    ['a OR OR b', 2, 'OR at position 3 needs a word on both sides.'],
    ['(OR a) b', 1, 'OR at position 2 needs a word on both sides.'],
    ['AND a', 0, 'AND at position 1 needs a word on both sides.'],
    ['a AND', 2, 'AND at position 3 needs a word on both sides.'],
    ['captagon NOT', 9, 'NOT at position 10 needs a word after it.'],
    ['a NOT OR b', 2, 'NOT at position 3 needs a word after it.'],
    ['NOT captagon', 0, 'Add at least one word to look for besides the excluded ones.'],
    ['-captagon -Hezbollah', 0, 'Add at least one word to look for besides the excluded ones.'],
    ['a OR NOT b', 5, undefined],
    ['NOT NOT a', 4, undefined],
    ['*', 0, undefined],
    ['a *', 2, undefined],
    ['c*', 0, 'The prefix search at position 1 is too short; put at least 2 letters before the *, as in captag*.'],
    ['"drugs w"*', 0, undefined],
    ['((((((((( a )))))))))', 8, undefined],
  ] as const)('%j is refused at %i', (input, position, message) => {
    const e = failure(input);
    expect(e.code).toBe('QUERY_SYNTAX');
    expect(e.details).toEqual({ position });
    if (message) expect(e.message).toBe(message);
    expect(e.message.length).toBeGreaterThan(10);
  });

  it('counts positions in characters for the message and in UTF-16 units for the caret', () => {
    const input = '🤦 "x';
    const e = failure(input);
    expect(e.details).toEqual({ position: 3 });
    expect(input[3]).toBe('"');
    expect(e.message).toBe('The quotation mark at position 3 is never closed.');
  });

  it.each(['', '   ', '\n\t', '???', '!!! OR ###', '🤦🏼‍♂️', '()', '-', '--'])('%j is EMPTY_QUERY', (input) => {
    expect(failure(input).code).toBe('EMPTY_QUERY');
  });

  it(`refuses more than ${MAX_TERMS} terms`, () => {
    const words = Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`);
    expect(parseQuery(words.slice(0, MAX_TERMS).join(' ')).terms).toHaveLength(MAX_TERMS);
    const e = failure(words.join(' '));
    expect(e.code).toBe('QUERY_TOO_LONG');
    expect(e.details).toEqual({ position: words.slice(0, MAX_TERMS).join(' ').length + 1 });
  });

  it('refuses a pasted phrase of too many words', () => {
    expect(failure(`"${'word '.repeat(300)}"`).code).toBe('QUERY_TOO_LONG');
  });
});

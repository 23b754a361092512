import { describe, expect, it } from 'vitest';
import {
  CONTEXT_CHANCE,
  MIN_EVIDENCE,
  contextSimilarity,
  isAcceptable,
  scoreCandidate,
} from '../../../shared/anchoring/index.ts';
import { loadCorpus } from './corpus.ts';

const [report] = loadCorpus();
if (report === undefined) throw new Error('corpus not loaded');

describe('contextSimilarity', () => {
  it('is 1 for identical context and for no saved context', () => {
    expect(contextSimilarity('told state-owned Al Mamlaka TV. ', 'told state-owned Al Mamlaka TV. ')).toBe(1);
    expect(contextSimilarity('', 'anything')).toBe(1);
  });

  it('loses 1/32 of raw similarity per edit, stretched above chance', () => {
    // One substitution in 32 units: raw 31/32, then (raw − 0.4) / 0.6.
    expect(contextSimilarity('ed border terrain with Syria.\n\n"', 'ed border terrain with Syria.\n\n“')).toBeCloseTo(
      (31 / 32 - CONTEXT_CHANCE) / (1 - CONTEXT_CHANCE),
      12,
    );
  });

  it('is 0 for unrelated text and for no text at all', () => {
    expect(contextSimilarity('ed border terrain with Syria.\n\n"', 'وزارة الداخلية العراقية:\nعرّاب ت')).toBe(0);
    expect(contextSimilarity('ed border terrain with Syria.\n\n"', 'According to the Jordanian author')).toBe(0);
    expect(contextSimilarity('ed border terrain with Syria.\n\n"', '')).toBe(0);
  });
});

describe('scoreCandidate and isAcceptable', () => {
  const x = 'x'.repeat(32);
  const y = 'y'.repeat(32);
  const z = 'z'.repeat(32);
  /** A quote of `length` units found exactly, with the given text around it in a 1,000-unit text. */
  const exactWith = (length: number, before: string, after: string) => {
    const quote = 'q'.repeat(length);
    const text = before + quote + after + '.'.repeat(1000 - before.length - length - after.length);
    const candidate = { start: before.length, end: before.length + length, errors: 0 };
    return scoreCandidate(text, candidate, { exact: quote, prefix: x, suffix: y }, before.length);
  };

  it('weighs the quote double and each context by its length', () => {
    // A 10-unit quote, prefix intact, suffix unrelated: (2·10·1 + 32·1 + 32·0) / (20 + 64).
    const scores = exactWith(10, x, z);
    expect(scores).toMatchObject({ quote: 1, prefix: 1, suffix: 0, position: 1 });
    expect(scores.evidence).toBeCloseTo(52 / 84, 12);
    expect(scores.score).toBeCloseTo(0.95 * (52 / 84) + 0.05, 12);
    expect(isAcceptable(scores)).toBe(true);
  });

  it('refuses a short quote with none of its context, accepts one as long as its contexts', () => {
    const short = exactWith(31, z, z);
    expect(short.evidence).toBeCloseTo(62 / 126, 12);
    expect(short.evidence).toBeLessThan(MIN_EVIDENCE);
    expect(isAcceptable(short)).toBe(false);
    const long = exactWith(32, z, z);
    expect(long.evidence).toBe(0.5);
    expect(isAcceptable(long)).toBe(true);
  });

  it('refuses a quote with more than one edit in four units, whatever its context', () => {
    const text = `${x}qqqqqqqqqqqqrrrr${y}`;
    const selector = { exact: 'q'.repeat(16), prefix: x, suffix: y };
    const fourErrors = scoreCandidate(text, { start: 32, end: 48, errors: 4 }, selector, 32);
    expect(fourErrors.quote).toBe(0.75);
    expect(isAcceptable(fourErrors)).toBe(true);
    const fiveErrors = scoreCandidate(text, { start: 32, end: 48, errors: 5 }, selector, 32);
    expect(fiveErrors.quote).toBe(0.6875);
    expect(fiveErrors.evidence).toBeGreaterThan(0.8);
    expect(isAcceptable(fiveErrors)).toBe(false);
  });

  it('lets position rank candidates but not decide acceptance', () => {
    const claim = report.claims.find((c) => c.id === 'c3');
    if (claim === undefined) throw new Error('no c3');
    const selector = { exact: claim.exact, prefix: '', suffix: '' };
    const candidate = { start: claim.start, end: claim.end, errors: 0 };
    const near = scoreCandidate(report.text, candidate, selector, claim.start);
    const far = scoreCandidate(report.text, candidate, selector, claim.start + 1000);
    expect(near.evidence).toBe(far.evidence);
    expect(far.position).toBeCloseTo(1 - 1000 / report.text.length, 12);
    expect(near.score).toBeGreaterThan(far.score);
    expect(isAcceptable(far)).toBe(true);
  });
});

/**
 * The edges of a span found again, fitted so that they cut no word and no character that the saved
 * span did not cut. An approximate match's edges are only as good as the edit distance makes them:
 * with the first word of a quote changed ("Iran-backed" → "Iranian-supported"), the cheapest
 * alignment may start in the middle of the new word. And text can gain a combining mark right after a
 * quote that still matches exactly (an Arabic haraka added on its last letter), which would leave the
 * mark outside the span, cut from its letter.
 *
 * Whether the saved span cut a word or a character is read from its own saved window
 * (`prefix + exact + suffix`): spans made with `snapToWords` never do, but a span may have been made
 * another way on purpose, and is then left as it was.
 *
 * Pure: no node:*, no DOM.
 */
import { clusterEnd, clusterStart, insideCluster } from './graphemes.ts';
import type { Candidate, QuoteSelector } from './match-quote.ts';
import { cutsWord, wordEnd, wordStart } from './snap-to-words.ts';

function savedWindow(selector: QuoteSelector): { window: string; start: number; end: number } {
  const { prefix, exact, suffix } = selector;
  return { window: prefix + exact + suffix, start: prefix.length, end: prefix.length + exact.length };
}

/**
 * An approximate match widened to whole words at an edge where it cuts a word and the saved span did
 * not. The units added count as errors (they are text the quote did not have).
 */
export function fitToWords(text: string, c: Candidate, selector: QuoteSelector): Candidate {
  const startCuts = cutsWord(text, c.start);
  const endCuts = cutsWord(text, c.end);
  if (!startCuts && !endCuts) return c;
  const saved = savedWindow(selector);
  const start = startCuts && !cutsWord(saved.window, saved.start) ? wordStart(text, c.start) : c.start;
  const end = endCuts && !cutsWord(saved.window, saved.end) ? wordEnd(text, c.end) : c.end;
  return { start, end, errors: c.errors + (c.start - start) + (end - c.end) };
}

/**
 * `start`–`end` widened to whole grapheme clusters (a letter with its harakat, an emoji with its skin
 * tone) at an edge that falls inside one where the saved span's did not.
 */
export function fitToClusters(
  text: string,
  start: number,
  end: number,
  selector: QuoteSelector,
): { start: number; end: number } {
  const startInside = insideCluster(text, start);
  const endInside = insideCluster(text, end);
  if (!startInside && !endInside) return { start, end };
  const saved = savedWindow(selector);
  return {
    start: startInside && !insideCluster(saved.window, saved.start) ? clusterStart(text, start) : start,
    end: endInside && !insideCluster(saved.window, saved.end) ? clusterEnd(text, end) : end,
  };
}

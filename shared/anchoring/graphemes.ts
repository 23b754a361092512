/**
 * Grapheme cluster edges: what a reader sees as one character (a letter with its harakat or combining
 * accent, an emoji with its skin tone, a flag, a ZWJ family). No span edge should fall inside one.
 * Uses `Intl.Segmenter` (Node 16+, every current browser), on a small window around the offset so
 * that a lookup costs the same in a 1 MB text as in a short one.
 *
 * Pure: no node:*, no DOM.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Grapheme clusters are short; a window this wide around an edge always holds the whole cluster. */
const CLUSTER_WINDOW = 128;

/** `i` moved back to the start of the grapheme cluster it falls inside (unchanged on a boundary). */
export function clusterStart(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return i;
  const from = Math.max(0, i - CLUSTER_WINDOW);
  const window = text.slice(from, Math.min(text.length, i + CLUSTER_WINDOW));
  const cluster = graphemes.segment(window).containing(i - from);
  return cluster === undefined ? i : from + cluster.index;
}

/** `i` moved on to the end of the grapheme cluster it falls inside (unchanged on a boundary). */
export function clusterEnd(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return i;
  const start = clusterStart(text, i);
  if (start === i) return i;
  const window = text.slice(start, Math.min(text.length, start + CLUSTER_WINDOW));
  const cluster = graphemes.segment(window).containing(0);
  return cluster === undefined ? i : start + cluster.segment.length;
}

/**
 * Code points that can continue a grapheme cluster begun before them: marks (harakat, accents,
 * variation selectors), emoji modifiers, ZWNJ/ZWJ, regional indicators (the second half of a flag),
 * and a low surrogate (the second half of a pair). A cheap test that spares the segmenter at
 * almost every offset of ordinary text.
 */
const MAY_CONTINUE = /^(?:[\p{M}\p{Emoji_Modifier}\u200c\u200d\u{1F1E6}-\u{1F1FF}]|[\uDC00-\uDFFF])/u;

/** Whether offset `i` falls inside a grapheme cluster (between two of its code points or units). */
export function insideCluster(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  if (!MAY_CONTINUE.test(text.slice(i, i + 2))) return false;
  return clusterStart(text, i) !== i;
}

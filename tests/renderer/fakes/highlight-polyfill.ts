/**
 * jsdom has no CSS Custom Highlight API. This is just enough of it (a Highlight is a set of ranges
 * with a priority; `CSS.highlights` a map of them) for the painter to run and for tests to see
 * what it draws. Imported by the tests that need it; the app itself draws nothing without the API.
 */
class TestHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

const g = globalThis as unknown as { Highlight?: unknown; CSS?: { highlights?: Map<string, TestHighlight> } };
g.Highlight ??= TestHighlight;
g.CSS ??= {};
g.CSS.highlights ??= new Map();

/** The text each range of a highlight covers, in document order. */
export function highlighted(name: string): string[] {
  const h = g.CSS?.highlights?.get(name);
  if (!h) return [];
  return [...h]
    .map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    })
    .sort();
}

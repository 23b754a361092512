/**
 * Splits a document's text into paragraphs for reading, without changing a character: each
 * paragraph is exactly `text.slice(start, end)`, so later annotations can map DOM positions back to
 * offsets in the stored text (UTF-16 units) by adding `start`. Paragraphs are separated by one or
 * more blank lines (a line with only spaces or tabs counts as blank); a single `\n` stays inside the
 * paragraph and is shown as a line break by `white-space: pre-wrap`.
 */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

// Blank lines between paragraphs, and line breaks before the first or after the last.
const SEPARATOR = /\n(?:[ \t]*\n)+|^\n+|\n+$/g;

export function toParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  const push = (end: number) => {
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
  };
  for (const match of text.matchAll(SEPARATOR)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return out;
}

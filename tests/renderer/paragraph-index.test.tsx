/**
 * The text pane's paragraphs come in chunks (components/document-text.tsx): document offsets and
 * DOM positions must map both ways across chunk boundaries, from the text nodes, the paragraphs,
 * the chunks and the pane itself, as a selection can end on any of them.
 */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CHUNK, DocumentText } from '../../renderer/src/components/document-text.tsx';
import { ParagraphIndex } from '../../renderer/src/annotate/paragraph-index.ts';
import { toParagraphs } from '../../renderer/src/lib/paragraphs.ts';

const PARAGRAPHS = CHUNK * 2 + 3;
const text = Array.from({ length: PARAGRAPHS }, (_, i) => `Paragraph ${i}: the army said smugglers crossed.`).join('\n\n');

function pane() {
  const { container } = render(<DocumentText text={text} language="en" direction="ltr" />);
  return container.querySelector<HTMLElement>('article.doc-text')!;
}

describe('ParagraphIndex over chunks of paragraphs', () => {
  it('reads every paragraph, in order, through its chunk, each exactly its slice of the text', () => {
    const article = pane();
    const chunks = Array.from(article.children);
    expect(chunks).toHaveLength(3);
    expect(chunks.every((c) => c.classList.contains('doc-chunk'))).toBe(true);
    const index = ParagraphIndex.fromContainer(article);
    expect(index.length).toBe(PARAGRAPHS);
    expect(index.chunks.map((c) => c.first)).toEqual([0, CHUNK, CHUNK * 2]);
    const expected = toParagraphs(text);
    expect(index.starts).toEqual(expected.map((p) => p.start));
    for (let i = 0; i < index.length; i++) expect(index.nodes[i]!.data).toBe(text.slice(index.starts[i], index.ends[i]));
  });

  it('maps offsets to text positions and back across a chunk boundary', () => {
    const index = ParagraphIndex.fromContainer(pane());
    const last = CHUNK - 1;
    const start = index.starts[last]! + 4;
    const end = index.starts[CHUNK]! + 9;
    const range = index.liveRange(start, end)!;
    // The blank lines between paragraphs are not in the pane: the range holds the rest.
    expect(range.toString()).toBe(text.slice(start, end).replace('\n\n', ''));
    expect(range.startContainer).toBe(index.nodes[last]);
    expect(range.endContainer).toBe(index.nodes[CHUNK]);
    expect(index.offsetsOf(range)).toEqual({ start, end });
  });

  it('reads a position given on a chunk or on the pane (offset counting their children)', () => {
    const article = pane();
    const index = ParagraphIndex.fromContainer(article);
    const [first, second] = index.chunks;
    // In a chunk: before its first paragraph, between two, after its last.
    expect(index.offsetOf(second!.element, 0)).toBe(index.starts[CHUNK]);
    expect(index.offsetOf(second!.element, 2)).toBe(index.starts[CHUNK + 2]);
    expect(index.offsetOf(first!.element, CHUNK)).toBe(index.ends[CHUNK - 1]);
    expect(index.offsetOf(first!.element, 0)).toBe(index.starts[0]);
    // In the pane: before a chunk is its first paragraph's start, after the last its last's end.
    expect(index.offsetOf(article, 1)).toBe(index.starts[CHUNK]);
    expect(index.offsetOf(article, 3)).toBe(index.ends[PARAGRAPHS - 1]);
    // Not in the text.
    expect(index.offsetOf(document.body, 0)).toBeNull();
  });
});

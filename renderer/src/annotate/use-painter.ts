/**
 * The highlight painter of the text pane: made when the pane's text is rendered (its paragraph
 * index read once), kept in step with the spans, and removed with the pane.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Span } from '../../../shared/annotation-schemas.ts';
import { HighlightPainter } from './highlight-painter.ts';
import { ParagraphIndex } from './paragraph-index.ts';

export interface Drawn {
  index: ParagraphIndex;
  painter: HighlightPainter;
}

export function usePainter(textRef: RefObject<HTMLElement | null>, text: string, spans: readonly Span[] | null): Drawn | null {
  const [drawn, setDrawn] = useState<Drawn | null>(null);

  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el) return;
    const index = ParagraphIndex.fromContainer(el);
    const painter = new HighlightPainter(index);
    setDrawn({ index, painter });
    return () => {
      painter.dispose();
      setDrawn(null);
    };
  }, [textRef, text]);

  useLayoutEffect(() => {
    if (drawn && spans) drawn.painter.setSpans(spans);
  }, [drawn, spans]);

  return drawn;
}

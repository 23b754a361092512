/**
 * The highlight painter of the text pane: made when the pane's text is rendered (its paragraph
 * index read once), kept in step with the spans and with what is in view (scrolling, resizing),
 * and removed with the pane.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Span } from '../../../shared/annotation-schemas.ts';
import { HighlightPainter } from './highlight-painter.ts';
import { visibleParagraphs } from './paint-window.ts';
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
    // The view and one screen above and below it.
    const track = () => painter.setWindow(visibleParagraphs(el, index, el.clientHeight));
    track();
    let frame = 0;
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), track()));
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(onScroll) : null;
    resize?.observe(el);
    setDrawn({ index, painter });
    return () => {
      if (frame) cancelAnimationFrame(frame);
      el.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      painter.dispose();
      setDrawn(null);
    };
  }, [textRef, text]);

  useLayoutEffect(() => {
    if (drawn && spans) drawn.painter.setSpans(spans);
  }, [drawn, spans]);

  return drawn;
}

/**
 * The highlight painter of the text pane: made when the pane's text is rendered (its paragraph
 * index read once), kept in step with what is in view (scrolling, resizing), and removed with the
 * pane. A new painter is given the spans held at that moment (`spans()`); after that the spans
 * reach it from their source directly (a whole load, or one write's answer), not through renders.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Span } from '../../../shared/annotation-schemas.ts';
import { HighlightPainter } from './highlight-painter.ts';
import { visibleParagraphs } from './paint-window.ts';
import { ParagraphIndex } from './paragraph-index.ts';

/** The margin of registered highlights above and below the view, as a fraction of its height. */
const OVERSCAN_DIVISOR = 4;

export interface Drawn {
  index: ParagraphIndex;
  painter: HighlightPainter;
}

export function usePainter(textRef: RefObject<HTMLElement | null>, text: string, spans: () => readonly Span[] | null): Drawn | null {
  const [drawn, setDrawn] = useState<Drawn | null>(null);

  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el) return;
    const index = ParagraphIndex.fromContainer(el);
    const painter = new HighlightPainter(index);
    // The view and a quarter of a screen above and below it. Any change to the page makes Chromium
    // rebuild the markers of every registered range and repaint the laid-out text they touch, so
    // each range registered costs every frame. Adding a span, CPU p95 in the bench (session 5, one
    // run each at load ~4.7): a whole screen either side (47 ranges) 4.8 ms, a quarter (35) 3.9,
    // none (28) 3.5; with the paragraphs in chunks, a quarter 2.7-3.1 and none 2.9-3.0 (load ~3),
    // a screen 4.1-5.1 (load 5.5-7). The quarter is kept so that scrolling by a wheel step does not
    // bring text into view before its highlights (the window follows in the next animation frame).
    const track = () => painter.setWindow(visibleParagraphs(el, index, Math.round(el.clientHeight / OVERSCAN_DIVISOR)));
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

  const spansNow = useRef(spans);
  useLayoutEffect(() => {
    spansNow.current = spans;
  });
  // A new painter, or the first spans held: (re)draw what is held. Later spans do not pass here.
  const held = spans() !== null;
  useLayoutEffect(() => {
    const now = spansNow.current();
    if (drawn && now) drawn.painter.setSpans(now);
  }, [drawn, held]);

  return drawn;
}

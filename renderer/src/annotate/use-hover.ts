/**
 * What is under the pointer in the text pane, hit-tested once per frame at most: the spans holding
 * the character there (innermost first), drawn in the hover state and listed in the tooltip.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { Span } from '../../../shared/annotation-schemas.ts';
import type { Drawn } from './use-painter.ts';
import { charOffsetAt, type StabQuery } from './hit-test.ts';
import type { Hover } from './span-tooltip.tsx';

export function useHover(textRef: RefObject<HTMLElement | null>, drawn: Drawn | null, lookup: StabQuery<Span>): Hover | null {
  const [hover, setHover] = useState<Hover | null>(null);

  useEffect(() => {
    const el = textRef.current;
    if (!el || !drawn) return;
    let frame = 0;
    let last: { x: number; y: number; buttons: number } | null = null;
    let shown = '';
    const run = () => {
      frame = 0;
      if (!last) return;
      const { x, y, buttons } = last;
      // While dragging a selection, no tooltip: it would sit on the text being selected.
      const offset = buttons === 0 ? charOffsetAt(drawn.index, x, y, el.ownerDocument) : null;
      const ids = offset === null ? [] : lookup.at(offset).map((s) => s.id);
      const key = ids.join(',');
      if (key !== shown) {
        shown = key;
        drawn.painter.setState('hover', ids[0] ?? null);
      }
      setHover(ids.length ? { ids, x, y } : null);
    };
    const onMove = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('[data-overlay]')) {
        last = null;
        setHover(null);
        return;
      }
      last = { x: e.clientX, y: e.clientY, buttons: e.buttons };
      if (!frame) frame = requestAnimationFrame(run);
    };
    const onLeave = () => {
      last = null;
      shown = '';
      drawn.painter.setState('hover', null);
      setHover(null);
    };
    el.addEventListener('mousemove', onMove);
    el.addEventListener('mouseleave', onLeave);
    el.addEventListener('scroll', onLeave);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      el.removeEventListener('mousemove', onMove);
      el.removeEventListener('mouseleave', onLeave);
      el.removeEventListener('scroll', onLeave);
    };
  }, [textRef, drawn, lookup]);

  return hover;
}

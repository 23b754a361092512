/**
 * The corpus-wide sections (Review, Disputes, Sources) as the app shell shows them.
 *
 * Review is kept: once built (on the first visit, or ahead of it when the app is idle) it stays
 * mounted, hidden while another view shows, so coming back (Back from a document, or the Review
 * button) rebuilds no grid and finds it as it was. It is hidden with `content-visibility: hidden`
 * rather than `display: none`: the grid keeps its layout, rows and scroll position, the browser skips
 * its contents (not drawn, not focusable, out of the accessibility tree) and shows them again
 * without restyling them. `visibility: hidden` or `inert` restyle every element of the grid on each
 * switch: showing it again took 70-80 ms of CPU with them, 22-31 ms without. `pointer-events` keeps
 * the empty box from taking clicks meant for the view under it, and `aria-hidden` says the same to
 * whatever does not know `content-visibility` (jsdom). Disputes and Sources unmount when left; what
 * they must find again (the open tab and source) lives in `SectionMemory`, which the app keeps.
 */
import { memo, useRef, type CSSProperties } from 'react';
import { newReviewMemory, type ReviewMemory } from '../review/review-grid.tsx';
import { DisputesView } from './disputes-view.tsx';
import { ReviewView } from './review-view.tsx';
import { newSourcesMemory, SourcesView, type SourcesMemory } from './sources-view.tsx';
import type { UndoStep } from '../components/toast.tsx';

export type CorpusSection = 'review' | 'disputes' | 'sources';

export interface SectionMemory {
  review: ReviewMemory;
  sources: SourcesMemory;
}

/** One memory per app instance, stable across renders. */
export function useSectionMemory(): SectionMemory {
  const memory = useRef<SectionMemory | null>(null);
  memory.current ??= { review: newReviewMemory(), sources: newSourcesMemory() };
  return memory.current;
}

interface Props {
  memory: SectionMemory;
  /** Opens a document at a claim (or any span): the Document view scrolls to it and highlights it. */
  onOpen: (documentId: string, spanId: string) => void;
  onUndo: UndoStep;
}

export function SectionView({ section, memory, onOpen, onUndo }: Props & { section: Exclude<CorpusSection, 'review'> }) {
  if (section === 'disputes') return <DisputesView onOpen={onOpen} />;
  return <SourcesView memory={memory.sources} onOpen={onOpen} onUndo={onUndo} />;
}

// Over the other views, filling the main area; contained, so that its layout and the others' never
// make each other's work.
const SHOWN: CSSProperties = { position: 'absolute', inset: 0, contain: 'size layout style' };
const HIDDEN: CSSProperties = { ...SHOWN, contentVisibility: 'hidden', pointerEvents: 'none' };

/** Review, mounted for good: `active` shows it. Memoised: the shell re-renders on every change of view. */
export const KeptReview = memo(function KeptReview({ active, memory, onOpen, onUndo, onGoLibrary }: Props & { active: boolean; onGoLibrary: () => void }) {
  return (
    <div className="kept-view" style={active ? SHOWN : HIDDEN} aria-hidden={!active}>
      <ReviewView active={active} memory={memory.review} onOpen={onOpen} onUndo={onUndo} onGoLibrary={onGoLibrary} />
    </div>
  );
});

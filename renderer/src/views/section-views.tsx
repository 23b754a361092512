/**
 * The corpus-wide sections (Review, Disputes, Sources) as the app shell shows them.
 *
 * Review is kept: once built (on the first visit, or ahead of it when the app is idle) it stays
 * mounted, hidden while another view shows, so coming back (Back from a document, or the Review
 * button) rebuilds no grid and finds it as it was. It is hidden with `visibility` rather than
 * `display: none` so that the grid keeps its layout, rows and scroll position, and `inert` takes it
 * out of the focus order and the accessibility tree. Disputes and Sources unmount when left; what
 * they must find again (the open tab and source) lives in `SectionMemory`, which the app keeps.
 */
import { memo, useRef, type CSSProperties } from 'react';
import { newReviewMemory, type ReviewMemory } from '../review/review-grid.tsx';
import { DisputesView } from './disputes-view.tsx';
import { ReviewView } from './review-view.tsx';
import { newSourcesMemory, SourcesView, type SourcesMemory } from './sources-view.tsx';

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
  onUndo: () => void;
}

export function SectionView({ section, memory, onOpen, onUndo }: Props & { section: Exclude<CorpusSection, 'review'> }) {
  if (section === 'disputes') return <DisputesView onOpen={onOpen} />;
  return <SourcesView memory={memory.sources} onOpen={onOpen} onUndo={onUndo} />;
}

// Over the other views, filling the main area; contained, so that its layout and the others' never
// make each other's work.
const SHOWN: CSSProperties = { position: 'absolute', inset: 0, contain: 'size layout style' };
const HIDDEN: CSSProperties = { ...SHOWN, visibility: 'hidden' };

/** Review, mounted for good: `active` shows it. Memoised: the shell re-renders on every change of view. */
export const KeptReview = memo(function KeptReview({ active, memory, onOpen, onUndo, onGoLibrary }: Props & { active: boolean; onGoLibrary: () => void }) {
  return (
    <div className="kept-view" style={active ? SHOWN : HIDDEN} inert={!active}>
      <ReviewView active={active} memory={memory.review} onOpen={onOpen} onUndo={onUndo} onGoLibrary={onGoLibrary} />
    </div>
  );
});

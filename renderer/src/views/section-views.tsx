/**
 * The corpus-wide sections (Review, Disputes, Sources) as the app shell shows them. Each unmounts
 * when the analyst opens a document; what it must find again on Back (the grid's columns, sort,
 * filters and scroll; the open tab and source) lives in `SectionMemory`, which the app keeps.
 */
import { useRef } from 'react';
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
  section: CorpusSection;
  memory: SectionMemory;
  /** Opens a document at a claim (or any span): the Document view scrolls to it and highlights it. */
  onOpen: (documentId: string, spanId: string) => void;
  onUndo: () => void;
  onGoLibrary: () => void;
}

export function SectionView({ section, memory, onOpen, onUndo, onGoLibrary }: Props) {
  if (section === 'review') return <ReviewView memory={memory.review} onOpen={onOpen} onUndo={onUndo} onGoLibrary={onGoLibrary} />;
  if (section === 'disputes') return <DisputesView onOpen={onOpen} />;
  return <SourcesView memory={memory.sources} onOpen={onOpen} onUndo={onUndo} />;
}

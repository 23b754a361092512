/**
 * Documents picked outside the Export panel (the Library's selection, the leave-out finder) and
 * what the panel needs to name them: the title, or for an untitled document the opening of its
 * text, as the Library shows it, so the analyst recognises what they picked without opening it.
 */
export interface PickedDocument {
  id: string;
  title: string | null;
  /** The opening of the text (or a search snippet) for an untitled document. */
  lead: string | null;
  language?: string;
}

/**
 * A choice of documents handed to Packs by "Export selected…". A new object each time: arriving
 * again with the same documents still selects the scope again.
 */
export interface ExportChoice {
  documents: readonly PickedDocument[];
}

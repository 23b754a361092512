/**
 * What a merge left for the analyst to resolve: conflicts (both sides changed a record; ours was
 * kept, theirs recorded or added as a conflict copy) and proposed source merges. Shown in the report
 * right after a merge and in the list of merges made here, so both open a conflict the same way.
 * Every string comes from a pack and is rendered as text.
 */
import type { MergeConflict, ProposedSourceMerge } from '../../../shared/pack-schemas.ts';
import { t } from '../i18n/t.ts';

/** Opens the Document view at a document, and at one annotation in it when given. */
export type OpenConflict = (documentId: string, annotationId?: string) => void;

const CONFLICT_KIND = {
  document: 'packs.conflict.document',
  source: 'packs.conflict.source',
  tag: 'packs.conflict.tag',
  annotation: 'packs.conflict.annotation',
} as const;

interface ConflictListProps {
  conflicts: readonly MergeConflict[];
  /** The list's accessible name (what its heading or disclosure says). */
  label: string;
  /**
   * Null where nothing can be opened: a merge taken back with Undo, whose conflict copies are gone
   * (ours would open alone, which reads as if their version had vanished).
   */
  onOpen: OpenConflict | null;
}

export function ConflictList({ conflicts, label, onOpen }: ConflictListProps) {
  const copies = onOpen !== null && conflicts.some((c) => c.copyId && c.documentId && !c.resolved);
  return (
    <>
      {copies && <p className="pack-hint">{t('packs.merge.copyHint')}</p>}
      <ul className="pack-conflicts" aria-label={label}>
        {conflicts.map((c) => (
          <li key={`${c.type}-${c.id}`} className={c.resolved ? 'pack-conflict-resolved' : undefined}>
            <span className="pack-conflict-what">
              <span className="pack-code">{t(CONFLICT_KIND[c.type])}</span>
              {c.resolved && <span className="pack-resolved">{t('packs.merge.resolved')}</span>}
              {/* The core's message says what became of theirs (recorded, or a conflict copy). */}
              <span className="pack-message" dir="auto">
                {c.message}
              </span>
              <span className="pack-where mono muted">{c.id}</span>
            </span>
            {/* Resolved: one of the two versions was deleted, so Open would show the other alone. */}
            {onOpen && c.documentId && !c.resolved && <OpenButton conflict={c} documentId={c.documentId} onOpen={onOpen} />}
          </li>
        ))}
      </ul>
    </>
  );
}

function OpenButton({ conflict: c, documentId, onOpen }: { conflict: MergeConflict; documentId: string; onOpen: OpenConflict }) {
  // An annotation conflict opens at ours; their copy sits on the same words, noted as a conflict copy.
  const open = () => (c.type === 'annotation' ? onOpen(documentId, c.id) : onOpen(documentId));
  return (
    <button type="button" className="button button-small" aria-label={t('packs.merge.openLabel', { what: c.message || c.id })} onClick={open}>
      {t('packs.merge.open')}
    </button>
  );
}

export function ProposalList({ proposals, label }: { proposals: readonly ProposedSourceMerge[]; label: string }) {
  return (
    <ul aria-label={label}>
      {proposals.map((p) => (
        <li key={`${p.packSourceId}-${p.localSourceId}`}>
          <span className="pack-message" dir="auto">
            {t('packs.merge.pair', { pack: p.packName, local: p.localName })}
          </span>
          <span className="muted" dir="auto">
            {p.reason}
          </span>
        </li>
      ))}
    </ul>
  );
}

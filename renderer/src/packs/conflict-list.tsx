/**
 * What a merge left for the analyst to resolve: conflicts (both sides changed a record; ours was
 * kept, theirs recorded or added as a conflict copy) and proposed source merges. Shown in the report
 * right after a merge and in the list of merges made here, so both open a conflict the same way.
 * Every string comes from a pack and is rendered as text.
 */
import { useState } from 'react';
import type { MergeConflict, ProposedSourceMerge } from '../../../shared/pack-schemas.ts';
import type { SideTab } from '../annotate/side-panel.tsx';
import { t } from '../i18n/t.ts';

/**
 * Settles a document, source or tag conflict (`packs:settle`): keep ours, or apply theirs. Answers
 * with what went wrong, or null.
 */
export type SettleConflict = (conflict: MergeConflict, keep: 'ours' | 'theirs') => Promise<string | null>;

/** Opens the Document view at a document, at one annotation in it when given, on the side panel's `tab` when given. */
export type OpenConflict = (documentId: string, annotationId?: string, tab?: SideTab) => void;

/** Merges a proposed pair (theirs into ours). Answers with what went wrong, or null. */
export type MergeProposal = (proposal: ProposedSourceMerge) => Promise<string | null>;

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
  /** Where a conflict on a document, source or tag can be settled (the list of merges); absent or null elsewhere. */
  onSettle?: SettleConflict | null;
}

/**
 * How a merge's conflicts stand, in the report shown after it and in the list of merges alike: all
 * still to resolve, some or all resolved, or (the merge undone) only how many there were.
 */
export function conflictsLabel(conflicts: readonly Pick<MergeConflict, 'resolved'>[], undone: boolean): string {
  const open = conflicts.filter((c) => !c.resolved).length;
  if (undone) return t('packs.merges.conflictsUndone', { count: conflicts.length });
  if (open === conflicts.length) return t('packs.merges.toResolve', { count: open });
  if (open === 0) return t('packs.merges.allResolved', { count: conflicts.length });
  return t('packs.merges.someResolved', { count: open, resolved: conflicts.length - open });
}

/** How a decided conflict reads (`resolution`; a merge's own report has none). */
const DECIDED = {
  ours: 'packs.merge.resolvedOurs',
  theirs: 'packs.merge.resolvedTheirs',
  deleted: 'packs.merge.resolvedDeleted',
} as const;

export function ConflictList({ conflicts, label, onOpen, onSettle = null }: ConflictListProps) {
  const copies = onOpen !== null && conflicts.some((c) => c.copyId && c.documentId && !c.resolved);
  return (
    <>
      {copies && <p className="pack-hint">{t('packs.merge.copyHint')}</p>}
      <ul className="pack-conflicts" aria-label={label}>
        {conflicts.map((c) => (
          <li key={`${c.type}-${c.id}`} className={c.resolved ? 'pack-conflict-resolved' : undefined}>
            <span className="pack-conflict-what">
              <span className="pack-code">{t(CONFLICT_KIND[c.type])}</span>
              {c.resolved && <span className="pack-resolved">{t(c.resolution ? DECIDED[c.resolution] : 'packs.merge.resolved')}</span>}
              {/* The core's message says what became of theirs (recorded, or a conflict copy). */}
              <span className="pack-message" dir="auto">
                {c.message}
              </span>
              <span className="pack-where mono muted">{c.id}</span>
            </span>
            {/* Resolved: one of the two versions was deleted, so Open would show the other alone. */}
            {((onOpen && c.documentId) || (onSettle && c.type !== 'annotation')) && !c.resolved && (
              <span className="pack-conflict-actions">
                {onOpen && c.documentId && <OpenButton conflict={c} documentId={c.documentId} onOpen={onOpen} />}
                {onSettle && c.type !== 'annotation' && <SettleButtons conflict={c} onSettle={onSettle} />}
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function OpenButton({ conflict: c, documentId, onOpen }: { conflict: MergeConflict; documentId: string; onOpen: OpenConflict }) {
  const open = () => {
    // An annotation conflict opens at ours; their copy sits on the same words, noted as a conflict copy.
    if (c.type === 'annotation') onOpen(documentId, c.id);
    // A document conflict differs in the metadata, which the Details tab shows.
    else if (c.type === 'document') onOpen(documentId, undefined, 'details');
    else onOpen(documentId);
  };
  return (
    <button type="button" className="button button-small" aria-label={t('packs.merge.openLabel', { what: c.message || c.id })} onClick={open}>
      {t('packs.merge.open')}
    </button>
  );
}

/** Keep ours / Use theirs, with what went wrong beside them; both wait while one is being settled. */
function SettleButtons({ conflict: c, onSettle }: { conflict: MergeConflict; onSettle: SettleConflict }) {
  const { busy, error, run: settle } = useAnswered((keep: 'ours' | 'theirs') => onSettle(c, keep));
  const what = c.message || c.id;
  return (
    <>
      <button type="button" className="button button-small" disabled={busy} aria-label={t('packs.settle.oursLabel', { what })} onClick={() => void settle('ours')}>
        {t('packs.settle.ours')}
      </button>
      <button type="button" className="button button-small" disabled={busy} aria-label={t('packs.settle.theirsLabel', { what })} onClick={() => void settle('theirs')}>
        {t('packs.settle.theirs')}
      </button>
      <AnswerError error={error} />
    </>
  );
}

/** A call made from a button: busy while it runs, then what went wrong (its answer), or null. */
function useAnswered<A extends unknown[]>(call: (...args: A) => Promise<string | null>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      setError(await call(...args));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function AnswerError({ error }: { error: string | null }) {
  return error ? (
    <span className="pack-error" role="alert">
      {error}
    </span>
  ) : null;
}

const PROPOSAL_DECIDED = { merged: 'packs.proposal.resolvedMerged', gone: 'packs.proposal.resolvedGone' } as const;

/**
 * Proposed source merges: never made by force. With `onMerge` (a merge still in effect), each open
 * pair can be merged here, theirs into ours; a decided pair reads as such (`resolution`).
 */
export function ProposalList({ proposals, label, onMerge = null }: { proposals: readonly ProposedSourceMerge[]; label: string; onMerge?: MergeProposal | null }) {
  return (
    <ul className="pack-conflicts" aria-label={label}>
      {proposals.map((p) => (
        <li key={`${p.packSourceId}-${p.localSourceId}`} className={p.resolution ? 'pack-conflict-resolved' : undefined}>
          <span className="pack-conflict-what">
            {p.resolution && <span className="pack-resolved">{t(PROPOSAL_DECIDED[p.resolution])}</span>}
            <span className="pack-message" dir="auto">
              {t('packs.merge.pair', { pack: p.packName, local: p.localName })}
            </span>
            <span className="muted" dir="auto">
              {p.reason}
            </span>
          </span>
          {onMerge && !p.resolution && (
            <span className="pack-conflict-actions">
              <MergeButton proposal={p} onMerge={onMerge} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function MergeButton({ proposal: p, onMerge }: { proposal: ProposedSourceMerge; onMerge: MergeProposal }) {
  const { busy, error, run: merge } = useAnswered(() => onMerge(p));
  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        aria-label={t('packs.proposal.mergeLabel', { pack: p.packName, local: p.localName })}
        onClick={() => void merge()}
      >
        {t('packs.proposal.merge')}
      </button>
      <AnswerError error={error} />
    </>
  );
}

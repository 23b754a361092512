/**
 * What a merge did: new and unchanged records by kind, conflicts (ours kept; each opens where it
 * sits, and one on a document, source or tag can be settled here), proposed source merges. The
 * conflicts are shown as the merge's kept record has them once it is read (`kept`): how each was
 * decided since. Once the merge is undone the report stays, says so, and opens and settles nothing:
 * the conflict copies went with the merge, as in the list of merges.
 */
import type { MergeRecord, MergeReport, Tally } from '../../../shared/pack-schemas.ts';
import { t } from '../i18n/t.ts';
import { formatNumber } from '../lib/format.ts';
import { ConflictList, ProposalList, conflictsLabel, type MergeProposal, type OpenConflict, type SettleConflict } from './conflict-list.tsx';

/** The kinds a merge counts, in the order its report and the list of merges name them. */
export const MERGED_KINDS = ['documents', 'annotations', 'attributions', 'links', 'sources', 'tags'] as const satisfies readonly (keyof Tally)[];

interface Props {
  report: MergeReport;
  /** The merge as it stands (`packs:merges`), once read: undone since, or its conflicts decided. */
  kept: MergeRecord | null;
  onOpen: OpenConflict;
  /** Null while the kept record is not read, or once the merge is undone. */
  onSettle: SettleConflict | null;
  /** The same, for merging a proposed pair of sources. */
  onMerge: MergeProposal | null;
}

export function MergeReportView({ report, kept, onOpen, onSettle, onMerge }: Props) {
  const undone = kept?.undone ?? false;
  const listed = kept?.report.conflicts ?? report.conflicts;
  const proposals = kept?.report.proposedSourceMerges ?? report.proposedSourceMerges;
  const addedAny = MERGED_KINDS.some((k) => report.added[k] > 0);
  // As the merge left them until the kept record is read; then as they stand (settled, resolved, undone).
  const conflicts = kept ? conflictsLabel(listed, undone) : t('packs.merge.conflicts', { count: report.conflicts.length });
  const proposed = t('packs.merge.proposed', { count: report.proposedSourceMerges.length });
  return (
    <section className={undone ? 'pack-result pack-result-merged pack-merge-undone' : 'pack-result pack-result-merged'} aria-labelledby="pack-merge-title">
      <header className="pack-result-head">
        <h3 id="pack-merge-title" dir="auto">
          {t('packs.merge.title', { name: report.name })}
        </h3>
        {undone && <span className="pack-badge pack-badge-undone">{t('packs.merges.undone')}</span>}
      </header>
      {undone && <p className="pack-hint">{t('packs.merge.undone')}</p>}
      {!addedAny && <p className="muted">{t('packs.merge.nothingNew')}</p>}
      <table className="pack-tally">
        <thead>
          <tr>
            <th scope="col">{t('packs.merge.col.what')}</th>
            <th scope="col">{t('packs.merge.col.added')}</th>
            <th scope="col">{t('packs.merge.col.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {MERGED_KINDS.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`packs.kind.${k}`)}</th>
              <td className={report.added[k] > 0 ? 'pack-added' : undefined}>{formatNumber(report.added[k])}</td>
              <td>{formatNumber(report.unchanged[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.keptDeleted > 0 && <p className="muted">{t('packs.merge.keptDeleted', { count: report.keptDeleted })}</p>}
      {report.conflicts.length > 0 && (
        <div className="pack-problems pack-warnings">
          <h4>{conflicts}</h4>
          <ConflictList conflicts={listed} label={conflicts} onOpen={undone ? null : onOpen} onSettle={undone ? null : onSettle} />
        </div>
      )}
      {report.proposedSourceMerges.length > 0 && (
        <div className="pack-problems pack-proposals">
          <h4>{proposed}</h4>
          {!undone && <p className="pack-hint">{t('packs.merge.proposedHint')}</p>}
          <ProposalList proposals={proposals} label={proposed} onMerge={undone ? null : onMerge} />
        </div>
      )}
      {!undone && <p className="pack-hint">{t('packs.merge.undoHint')}</p>}
    </section>
  );
}

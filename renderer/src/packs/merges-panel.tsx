/**
 * Merged into this project: every pack merged here, newest first, as the core keeps them (its
 * report, who merged it, whether Undo took it back), so the conflicts a merge left stay within
 * reach after its report is dismissed, and provenance can be read back: which pack, from whom,
 * with which SHA-256.
 *
 * Read while the view is shown, and again after a write to the project (a merge, an undo, a redo)
 * only once the view is shown again: Packs stays mounted under the other views, and re-reading up
 * to a hundred kept reports after every annotation made elsewhere would be work nobody sees.
 */
import { useState } from 'react';
import type { MergeRecord } from '../../../shared/pack-schemas.ts';
import { useClient } from '../client/context.tsx';
import { useChangeVersion } from '../hooks/changes.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';
import { formatTimestamp } from '../lib/format.ts';
import { ConflictList, ProposalList, conflictsLabel, type MergeProposal, type OpenConflict, type SettleConflict } from './conflict-list.tsx';
import { MERGED_KINDS } from './merge-report.tsx';
import { countPhrases, shortPackSha } from './pack-display.ts';
import { useMergeProposal, useSettle } from './use-settle.ts';
import type { UndoStep } from '../components/toast.tsx';

/** As many as the channel gives by default: older merges are in `claimdesk merges --limit N`. */
const SHOWN = 100;

export function MergesPanel({ active, onOpen, onUndo }: { active: boolean; onOpen: OpenConflict; onUndo: UndoStep }) {
  const client = useClient();
  const settle = useSettle(onUndo);
  const mergeProposal = useMergeProposal(onUndo);
  // Every write moves the history (the core says "history" after each), merges and undos included.
  const version = useChangeVersion('history');
  const [readAt, setReadAt] = useState(version);
  if (active && readAt !== version) setReadAt(version);
  const merges = useQuery(() => client.call('packs:merges', { limit: SHOWN }), [client, readAt]);

  return (
    <section className="pack-panel" aria-labelledby="pack-merges-title">
      <h2 id="pack-merges-title">{t('packs.merges.title')}</h2>
      {merges.error ? (
        <p className="pack-error" role="alert">
          {t('packs.merges.error', { message: merges.error.message })}
        </p>
      ) : !merges.data ? (
        <p className="muted" aria-busy="true">
          {t('packs.merges.loading')}
        </p>
      ) : merges.data.length === 0 ? (
        <p className="muted">{t('packs.merges.empty')}</p>
      ) : (
        <>
          <ol className="pack-merges" aria-label={t('packs.merges.title')}>
            {merges.data.map((m) => (
              <MergeItem key={m.id} merge={m} onOpen={onOpen} onSettle={settle(m.id)} onMerge={mergeProposal} />
            ))}
          </ol>
          {merges.data.length >= SHOWN && <p className="pack-hint">{t('packs.merges.latest', { count: SHOWN })}</p>}
        </>
      )}
    </section>
  );
}

function MergeItem({ merge, onOpen, onSettle, onMerge }: { merge: MergeRecord; onOpen: OpenConflict; onSettle: SettleConflict; onMerge: MergeProposal }) {
  const r = merge.report;
  const added = countPhrases(Object.fromEntries(MERGED_KINDS.filter((k) => r.added[k] > 0).map((k) => [k, r.added[k]])));
  const titleId = `pack-merge-${merge.id}`;
  return (
    <li className={merge.undone ? 'pack-merge pack-merge-undone' : 'pack-merge'} aria-labelledby={titleId}>
      <header className="pack-merge-head">
        <h3 id={titleId} dir="auto">
          {r.name}
        </h3>
        {merge.undone && <span className="pack-badge pack-badge-undone">{t('packs.merges.undone')}</span>}
      </header>
      <p className="pack-merge-who">
        <span dir="auto">{r.creator ? t('packs.merges.from', { creator: r.creator }) : t('packs.merges.fromUnnamed')}</span>
        <span aria-hidden="true"> · </span>
        <span dir="auto">{t('packs.merges.by', { analyst: merge.analyst })}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={merge.at} title={merge.at}>
          {formatTimestamp(merge.at)}
        </time>
      </p>
      <p>{added.length > 0 ? t('packs.merges.added', { what: added.join(' · ') }) : <span className="muted">{t('packs.merges.addedNothing')}</span>}</p>
      <p className="pack-merge-sha">
        <span className="muted">{t('packs.export.sha256')} </span>
        <span className="mono" title={r.sha256}>
          {shortPackSha(r.sha256)}
        </span>
      </p>
      {merge.undone && (r.conflicts.length > 0 || r.proposedSourceMerges.length > 0) && <p className="pack-hint">{t('packs.merges.undoneHint')}</p>}
      {r.conflicts.length > 0 && <Conflicts merge={merge} onOpen={onOpen} onSettle={onSettle} />}
      {r.proposedSourceMerges.length > 0 && <Proposals merge={merge} onMerge={merge.undone ? null : onMerge} />}
    </li>
  );
}

function Conflicts({ merge, onOpen, onSettle }: { merge: MergeRecord; onOpen: OpenConflict; onSettle: SettleConflict }) {
  const label = conflictsLabel(merge.report.conflicts, merge.undone);
  return (
    <details className="pack-disclosure pack-warnings">
      <summary>{label}</summary>
      <ConflictList conflicts={merge.report.conflicts} label={label} onOpen={merge.undone ? null : onOpen} onSettle={merge.undone ? null : onSettle} />
    </details>
  );
}

function Proposals({ merge, onMerge }: { merge: MergeRecord; onMerge: MergeProposal | null }) {
  const label = t('packs.merge.proposed', { count: merge.report.proposedSourceMerges.length });
  return (
    <details className="pack-disclosure pack-proposals">
      <summary>{label}</summary>
      {!merge.undone && <p className="pack-hint">{t('packs.merge.proposedHint')}</p>}
      <ProposalList proposals={merge.report.proposedSourceMerges} label={label} onMerge={onMerge} />
    </details>
  );
}

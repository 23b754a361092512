/**
 * Open a pack: read the picked file's bytes, verify them (the core writes nothing), show the report,
 * and only then offer the merge. A merge is one undo step, offered back in a toast; its report stays
 * and follows the merge's kept record (useKeptMerge): how its conflicts were decided, settled from here
 * as from the list of merges, and, once the merge is undone by any means, that it was, opening nothing.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { VerifyReport, type MergeReport } from '../../../shared/pack-schemas.ts';
import { useClient } from '../client/context.tsx';
import { undoAction, useToast, type UndoStep } from '../components/toast.tsx';
import { useChanges } from '../hooks/changes.tsx';
import { t } from '../i18n/t.ts';
import type { OpenConflict } from './conflict-list.tsx';
import { MergeReportView } from './merge-report.tsx';
import { PackProgress } from './pack-progress.tsx';
import { useKeptMerge } from './use-kept-merge.ts';
import { useMergeProposal, useSettle } from './use-settle.ts';
import type { usePackJob } from './use-pack-job.ts';
import { VerifyReportView } from './verify-report.tsx';

interface Opened {
  name: string;
  data: Uint8Array<ArrayBuffer>;
  report: VerifyReport | null;
}

interface Props {
  jobs: ReturnType<typeof usePackJob>;
  /** Whether Packs is on screen: whether the merge was undone is read again on coming back. */
  active: boolean;
  onUndo: UndoStep;
  onOpen: OpenConflict;
}

export function OpenPanel({ jobs, active, onUndo, onOpen }: Props) {
  const client = useClient();
  const { bump } = useChanges();
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [merged, setMerged] = useState<MergeReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const kept = useKeptMerge(merged, active);
  const settle = useSettle(onUndo);
  const mergeProposal = useMergeProposal(onUndo);
  const busy = jobs.job !== null || checking !== null;

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setOpened(null);
    setMerged(null);
    setError(null);
    setChecking(file.name);
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      const result = await client.call('packs:verify', { data });
      if (result.ok) setOpened({ name: file.name, data, report: result.value });
      else setError(t('packs.open.failed', { message: result.error.message }));
    } finally {
      setChecking(null);
    }
  };

  const merge = async () => {
    if (!opened?.report?.ok) return;
    setError(null);
    const result = await jobs.run('merge', (jobId) => client.call('packs:import', { jobId, data: opened.data, name: opened.name }));
    if (!result) return;
    bump();
    if (result.ok) {
      setMerged(result.value);
      setOpened(null);
      if (result.value.label) toast.show({ message: t('packs.merge.toast', { name: result.value.name }), action: undoAction(onUndo, result.step) });
      return;
    }
    if (result.error.code === 'PACK_REFUSED') {
      // The core re-verifies before merging; its report replaces ours if the bytes were refused.
      const details = VerifyReport.safeParse(result.error.details);
      if (details.success) setOpened({ ...opened, report: details.data });
    }
    setError(result.error.code === 'CANCELLED' ? t('packs.merge.cancelled') : t('packs.merge.failed', { message: result.error.message }));
  };

  return (
    <section className="pack-panel" aria-labelledby="pack-open-title">
      <h2 id="pack-open-title">{t('packs.open.title')}</h2>
      <p className="muted">{t('packs.open.intro')}</p>
      <div className="pack-actions">
        <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
          {t('packs.open.button')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".claimpack"
          hidden
          data-testid="pack-file-input"
          aria-label={t('packs.open.button')}
          onChange={(e) => void pick(e)}
        />
        {checking && (
          <span className="muted" role="status" dir="auto">
            {t('packs.open.reading', { name: checking })}
          </span>
        )}
      </div>
      {opened?.report && (
        <>
          <VerifyReportView name={opened.name} report={opened.report} />
          <div className="pack-actions">
            <button type="button" className="button button-primary" disabled={!opened.report.ok || busy} onClick={() => void merge()}>
              {t('packs.merge.button')}
            </button>
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => setOpened(null)}>
              {t('packs.open.close')}
            </button>
          </div>
        </>
      )}
      {jobs.job?.kind === 'merge' && <PackProgress job={jobs.job} onCancel={() => void jobs.cancel()} />}
      {error && (
        <p className="pack-error" role="alert">
          {error}
        </p>
      )}
      {merged && <MergeReportView report={merged} kept={kept} onOpen={onOpen} onSettle={kept && !kept.undone ? settle(kept.id) : null} onMerge={kept && !kept.undone ? mergeProposal : null} />}
    </section>
  );
}

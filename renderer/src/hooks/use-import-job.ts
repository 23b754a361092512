/**
 * Runs an import (files the analyst picked or dropped) or the sample project as a job: one at a
 * time, with progress from the core's `progress` events for that job id, cancellable, and ending in
 * a report the Library shows until the analyst dismisses it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EventPayload, ImportReport } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { useClient } from '../client/context.tsx';
import { t } from '../i18n/t.ts';
import { isAccepted, readFiles, type PickedFile } from '../lib/files.ts';
import { newJobId } from '../lib/format.ts';
import { useBump } from './changes.tsx';

export interface RunningJob {
  jobId: string;
  kind: 'import' | 'sample';
  progress: EventPayload<'progress'> | null;
}

export interface JobOutcome {
  report: ImportReport | null;
  skipped: number;
  /** A failed or cancelled job: a sentence for the analyst. */
  message: string | null;
}

export function useImportJob() {
  const client = useClient();
  const bump = useBump();
  const [job, setJob] = useState<RunningJob | null>(null);
  const [outcome, setOutcome] = useState<JobOutcome | null>(null);

  useEffect(
    () =>
      client.on('progress', (p) => setJob((j) => (j && j.jobId === p.jobId ? { ...j, progress: p } : j))),
    [client],
  );

  const run = useCallback(
    async (kind: RunningJob['kind'], skipped: number, work: (jobId: string) => Promise<Result<ImportReport>>) => {
      const jobId = newJobId();
      setOutcome(null);
      setJob({ jobId, kind, progress: null });
      try {
        const result = await work(jobId);
        if (result.ok) setOutcome({ report: result.value, skipped, message: null });
        else if (result.error.code === 'CANCELLED') setOutcome({ report: null, skipped: 0, message: t('import.cancelled') });
        else setOutcome({ report: null, skipped: 0, message: t('import.failedCall', { message: result.error.message }) });
      } finally {
        setJob(null);
        bump(['documents', 'annotations']);
      }
    },
    [bump],
  );

  const importFiles = useCallback(
    async (picked: readonly PickedFile[]) => {
      if (job) return;
      const accepted = picked.filter((p) => isAccepted(p.name));
      const skipped = picked.length - accepted.length;
      if (accepted.length === 0) {
        setOutcome({ report: null, skipped, message: t('import.nothing') });
        return;
      }
      await run('import', skipped, async (jobId) =>
        client.call('documents:import', { jobId, files: await readFiles(accepted) }),
      );
    },
    [client, job, run],
  );

  const openSample = useCallback(async () => {
    if (job) return;
    await run('sample', 0, (jobId) => client.call('project:openSample', { jobId }));
  }, [client, job, run]);

  const cancel = useCallback(async () => {
    if (job) await client.call('jobs:cancel', { jobId: job.jobId });
  }, [client, job]);

  const dismiss = useCallback(() => setOutcome(null), []);

  return { job, outcome, importFiles, openSample, cancel, dismiss };
}

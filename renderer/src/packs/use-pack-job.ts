/**
 * One pack job at a time (export or merge), the import job's pattern: a job id sent with the call,
 * progress from the core's `progress` events for that id, and Cancel through `jobs:cancel`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { useClient } from '../client/context.tsx';
import { newJobId } from '../lib/format.ts';

export interface PackJob {
  jobId: string;
  kind: 'export' | 'merge';
  progress: EventPayload<'progress'> | null;
}

export function usePackJob() {
  const client = useClient();
  const [job, setJob] = useState<PackJob | null>(null);
  // The running job as a ref too, so a second click while the first call is in flight is ignored.
  const running = useRef<PackJob | null>(null);

  useEffect(
    () => client.on('progress', (p) => setJob((j) => (j && j.jobId === p.jobId ? { ...j, progress: p } : j))),
    [client],
  );

  const run = useCallback(async <T,>(kind: PackJob['kind'], work: (jobId: string) => Promise<Result<T>>): Promise<Result<T> | null> => {
    if (running.current) return null;
    const next = { jobId: newJobId(), kind, progress: null };
    running.current = next;
    setJob(next);
    try {
      return await work(next.jobId);
    } finally {
      running.current = null;
      setJob(null);
    }
  }, []);

  const cancel = useCallback(async () => {
    const current = running.current;
    if (current) await client.call('jobs:cancel', { jobId: current.jobId });
  }, [client]);

  return { job, run, cancel };
}

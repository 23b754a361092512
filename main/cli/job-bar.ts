/**
 * A progress bar on stderr for one core job, drawn from the core's `progress` events ("writing"
 * phase) while the job runs, only on a terminal and never with --json: the export and the pack
 * merge draw theirs with it.
 */
import { SingleBar } from 'cli-progress';
import type { EventPayload } from '../../shared/contract.ts';
import type { Core } from '../core/core.ts';
import type { Io } from './io.ts';

type Progress = EventPayload<'progress'>;

/** Starts listening; call the returned function when the job is over (it stops the bar). */
export function jobBar(core: Core, io: Io, o: { jobId: string; json: boolean; label: string; what: (p: Progress) => string }): () => void {
  if (o.json || !io.err.isTTY) return () => undefined;
  const bar = new SingleBar({ stream: io.err, format: `${o.label} [{bar}] {value}/{total} {what}`, hideCursor: true, clearOnComplete: true });
  let started = false;
  const off = core.events.on((name, payload) => {
    const p = payload as Progress;
    if (name !== 'progress' || p.jobId !== o.jobId || p.phase !== 'writing') return;
    if (!started) bar.start(p.total, 0, { what: '' });
    started = true;
    bar.update(p.done, { what: o.what(p) });
    // A merge's last steps hold the thread (the bar's timer cannot fire): draw their names now.
    if (p.step) bar.render();
  });
  return () => {
    off();
    if (started) bar.stop();
  };
}

/**
 * When the write-ahead log is copied back into the project file (a checkpoint), and why then.
 *
 * SQLite's default copies the log back from inside the commit that takes it past 1,000 pages. One
 * saved annotation writes about 11 pages (its row, its indexes, the operation log's group and entry),
 * so every ninetieth save or so paid for a checkpoint and its two fsyncs: the slowest 1% of saves,
 * exactly what the "saving one annotation, p99 ≤ 2 ms" budget measures. So:
 *
 * - the automatic checkpoint waits for 10,000 pages (`wal_autocheckpoint`, about 40 MiB, in
 *   `PERFORMANCE_PRAGMAS`): a backstop for long runs of writes with no pause (imports, merges);
 * - otherwise the log is checkpointed when the project has been idle for a moment after a write
 *   (`IdleCheckpoints`), and once more before the project is closed;
 * - `journal_size_limit` gives the log file back to the disk after a checkpoint, so one large import
 *   does not leave a log of hundreds of megabytes next to the project for the rest of the session.
 *
 * What this does to durability. A committed transaction is in the log, and the log is the project:
 * a crash of the app or a kill loses nothing that was committed, however long the log is, and the
 * next open (any Claimdesk, the CLI) reads it. With `synchronous = NORMAL` the log is synced to the
 * disk at checkpoints, not at each commit, so a power cut or an OS crash can undo the last commits
 * since the previous checkpoint (never corrupt the file). With the idle checkpoint that window is
 * the last second or so of work; before, it was up to ~90 saves, whatever the pauses. During a long
 * run of writes without a pause it can reach 10,000 pages (it was 1,000).
 *
 * Checkpoints here are PASSIVE: they copy what no reader still needs and never wait for a lock, so
 * another process reading the project (the CLI) never makes the app hang; what they could not copy
 * is copied by a later one.
 */
import type { Db } from './database.ts';

/** How long after the last write the idle checkpoint runs. */
export const IDLE_CHECKPOINT_MS = 1000;

export interface CheckpointResult {
  /** 1 if another connection held a lock the checkpoint would have needed to finish. */
  busy: number;
  /** Pages in the log. */
  log: number;
  /** Pages of the log now also in the project file. */
  checkpointed: number;
}

/**
 * A passive checkpoint, now. Returns null, doing nothing, when it cannot run: the connection is
 * closed or read-only, or a transaction is open on it (an import yields between chunks with its
 * transaction open, and a checkpoint cannot run inside a transaction).
 */
export function checkpoint(db: Db): CheckpointResult | null {
  if (!db.open || db.readonly || db.inTransaction) return null;
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
  return result ?? null;
}

/** Runs a passive checkpoint once no write has come for `delayMs`, and a last one on `close`. */
export class IdleCheckpoints {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly delayMs = IDLE_CHECKPOINT_MS,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Call after each write; cheap (it re-arms one timer). */
  noteWrite(): void {
    if (this.closed) return;
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => this.idle(), this.delayMs);
    // The timer never keeps a process alive (the CLI exits when its work is done; close checkpoints).
    this.timer.unref();
  }

  /** True while a checkpoint is waiting for the project to go quiet. */
  get pending(): boolean {
    return this.timer !== null;
  }

  /** Stops the timer and checkpoints once more; call before closing the connection. */
  close(): CheckpointResult | null {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.attempt();
  }

  private idle(): void {
    this.timer = null;
    // A transaction still open (an import between chunks): try again once it is quiet.
    if (this.attempt() === null && this.db.open && this.db.inTransaction) this.noteWrite();
  }

  private attempt(): CheckpointResult | null {
    try {
      return checkpoint(this.db);
    } catch (error) {
      // Nothing is lost when a checkpoint fails: the log still holds every commit, and a later
      // checkpoint (or SQLite's own, at the backstop) copies it.
      this.onError(error);
      return null;
    }
  }
}

/**
 * Migration 1: the project itself, its analysts, and the operation log. Append-only once released.
 *
 * Every later table carries the same bookkeeping columns: a UUIDv7 `id`, a `revision` bumped on each
 * change, the `origin` (project or pack that created the row) and a `deleted_at` tombstone.
 */
export default /* sql */ `
CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE analysts (
  id           TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;

-- One row per user action (an undo unit). Operations belong to exactly one group.
-- kind 'do' groups carry undo bookkeeping: state, applied_seq (position on the undo stack) and
-- redoable (cleared when a new action makes the redo stack stale). Undo and redo are groups too,
-- pointing at the group they reverse: history is appended, never rewritten.
CREATE TABLE op_groups (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
  label       TEXT NOT NULL,
  analyst_id  TEXT NOT NULL REFERENCES analysts (id),
  at          TEXT NOT NULL,
  origin      TEXT NOT NULL,
  target_id   TEXT REFERENCES op_groups (id),
  state       TEXT CHECK (state IN ('done', 'undone')),
  applied_seq INTEGER,
  redoable    INTEGER NOT NULL DEFAULT 0 CHECK (redoable IN (0, 1))
) STRICT;
CREATE INDEX op_groups_undo ON op_groups (applied_seq) WHERE kind = 'do' AND state = 'done';
CREATE INDEX op_groups_redo ON op_groups (applied_seq) WHERE kind = 'do' AND state = 'undone' AND redoable = 1;

-- The operation log: who, when, what, before and after (JSON snapshots of the changed fields).
CREATE TABLE operations (
  seq         INTEGER PRIMARY KEY,
  group_id    TEXT NOT NULL REFERENCES op_groups (id),
  action      TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  before      TEXT,
  after       TEXT
) STRICT;
CREATE INDEX operations_group ON operations (group_id);
CREATE INDEX operations_entity ON operations (entity_type, entity_id);
`;

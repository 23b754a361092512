/**
 * Migration 5: packs merged into the project, and the conflicts they brought.
 *
 * `pack_merges` is the provenance of each merge: which pack (its id, which is also the `origin` of
 * every record it brought), its file name, who made it, the SHA-256 of its bytes, the undo group of
 * the merge and the merge report. `pack_conflicts` keeps "their" version of every record both sides
 * had changed, as the JSON the pack carried, with the conflict copy made of it (annotations) or none
 * (documents, sources and tags keep ours and record theirs here). A version already kept is not kept
 * twice: (entity_type, entity_id, theirs_sha256) is unique, which makes merging the same pack again
 * a no-op. Both tables are append-only history, outside undo, like `source_grades`.
 */
export default /* sql */ `
CREATE TABLE pack_merges (
  seq        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  pack_id    TEXT NOT NULL,
  name       TEXT NOT NULL,
  creator    TEXT,
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
  group_id   TEXT REFERENCES op_groups (id),
  analyst_id TEXT NOT NULL REFERENCES analysts (id),
  at         TEXT NOT NULL,
  report     TEXT NOT NULL CHECK (json_valid(report))
) STRICT;
CREATE INDEX pack_merges_pack ON pack_merges (pack_id);

CREATE TABLE pack_conflicts (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  merge_id      TEXT NOT NULL REFERENCES pack_merges (id),
  pack_id       TEXT NOT NULL,
  entity_type   TEXT NOT NULL CHECK (entity_type IN ('document', 'source', 'tag', 'annotation')),
  entity_id     TEXT NOT NULL,
  copy_id       TEXT,
  theirs        TEXT NOT NULL CHECK (json_valid(theirs)),
  theirs_sha256 TEXT NOT NULL CHECK (length(theirs_sha256) = 64),
  at            TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX pack_conflicts_once ON pack_conflicts (entity_type, entity_id, theirs_sha256);
`;

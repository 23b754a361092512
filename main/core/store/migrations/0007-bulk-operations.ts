/**
 * Migration 7: bulk operations in the log. A pack merge creates some 200,000 rows; logging each one
 * as an operation of its own (with its JSON snapshot) cost more than writing the rows. A bulk
 * operation is one `operations` row for many entities of one type with the same before and after
 * (a merge's creations: before `null`, after `{"deleted_at": null}`, the values being those of the
 * row, whose `origin` names the pack): its `entity_id` is `*`, `bulk_operations` holds their ids as
 * a JSON array (what undo and redo walk), and `operation_entities` finds it from any of those ids
 * (what an entity's history reads). Operations logged before this migration stay as they were.
 *
 * Only new tables, created if missing: `operations` itself is not altered.
 */
export default /* sql */ `
CREATE TABLE IF NOT EXISTS bulk_operations (
  op_seq   INTEGER PRIMARY KEY REFERENCES operations (seq),
  entities TEXT NOT NULL CHECK (json_valid(entities) AND json_type(entities) = 'array')
) STRICT;

CREATE TABLE IF NOT EXISTS operation_entities (
  entity_id TEXT NOT NULL,
  op_seq    INTEGER NOT NULL REFERENCES bulk_operations (op_seq)
) STRICT;
CREATE INDEX IF NOT EXISTS operation_entities_entity ON operation_entities (entity_id, op_seq);
`;

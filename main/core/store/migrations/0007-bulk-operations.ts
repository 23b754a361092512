/**
 * Migration 7: bulk operations in the log. A pack merge creates some 200,000 rows; logging each one
 * as an operation of its own (with its JSON snapshot) cost more than writing the rows. A bulk
 * operation is one `operations` row for many entities of one type with the same before and after
 * (a merge's creations: before `null`, after `{"deleted_at": null}`, the values being those of the
 * row, whose `origin` names the pack): its `entity_id` is `*`, its `entities` holds their ids as a
 * JSON array (what undo and redo walk), and `operation_entities` finds it from any of those ids (what
 * an entity's history reads). Operations logged before this migration stay as they were.
 */
export default /* sql */ `
ALTER TABLE operations ADD COLUMN entities TEXT CHECK (entities IS NULL OR (entity_id = '*' AND json_valid(entities)));

CREATE TABLE operation_entities (
  entity_id TEXT NOT NULL,
  op_seq    INTEGER NOT NULL REFERENCES operations (seq)
) STRICT;
CREATE INDEX operation_entities_entity ON operation_entities (entity_id, op_seq);
`;

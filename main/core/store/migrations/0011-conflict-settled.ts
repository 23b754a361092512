/**
 * Migration 11: a merge conflict on a document's metadata, a source or a tag can be settled. Such a
 * conflict has no conflict copy whose deletion says the analyst chose (an annotation conflict does),
 * so the choice is stored on the conflict: `settled` is 'ours' (ours kept as it is) or 'theirs'
 * (their values applied to ours), with when and by whom. Settling is an undoable operation in the
 * log (`pack_conflict.settle`); undoing it clears these columns again. `settled_by` names an analyst
 * without a foreign key, so that the columns can be dropped again (a test takes a project back to an
 * older format that way).
 */
export default `
ALTER TABLE pack_conflicts ADD COLUMN settled TEXT CHECK (settled IN ('ours', 'theirs'));
ALTER TABLE pack_conflicts ADD COLUMN settled_at TEXT;
ALTER TABLE pack_conflicts ADD COLUMN settled_by TEXT;
CREATE INDEX pack_conflicts_merge ON pack_conflicts (merge_id);
`;

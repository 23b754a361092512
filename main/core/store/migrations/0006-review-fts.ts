/**
 * Migration 6: a trigram index over the review grid's text columns, so that "contains" filters on a
 * million rows are an index lookup instead of a `LIKE '%…%'` scan of every row.
 *
 * `review_fts` is an FTS5 table with the trigram tokenizer (every three-character sequence, case
 * folded, diacritics kept so Arabic harakat and Latin accents match as typed), external content on
 * `review_rows` keyed by its `seq`: the text is not stored twice, only the index.
 *
 * It is kept in step by triggers on `review_rows` itself, named `review_rows_…`. `review_rows` is
 * only ever changed by deleting and inserting whole rows (migration 4's triggers, or a bulk rebuild
 * after a pack merge with the source tables' triggers set aside), and every such change goes through
 * these triggers, so the index cannot drift from the rows it indexes. An UPDATE is handled too, in
 * case a later rebuild prefers it.
 *
 * The backfill is FTS5's `rebuild`, which reads every row of the content table once.
 */
const COLUMNS = ['claim_text', 'document_title', 'outlet', 'source_name', 'cue', 'channel', 'tags', 'annotator'] as const;
const list = (prefix: string) => COLUMNS.map((c) => `${prefix}${c}`).join(', ');

export default /* sql */ `
CREATE VIRTUAL TABLE review_fts USING fts5(
  ${COLUMNS.join(', ')},
  content = 'review_rows', content_rowid = 'seq', tokenize = 'trigram case_sensitive 0'
);
INSERT INTO review_fts (review_fts) VALUES ('rebuild');

CREATE TRIGGER review_rows_text_insert AFTER INSERT ON review_rows BEGIN
  INSERT INTO review_fts (rowid, ${list('')}) VALUES (NEW.seq, ${list('NEW.')});
END;
CREATE TRIGGER review_rows_text_delete AFTER DELETE ON review_rows BEGIN
  INSERT INTO review_fts (review_fts, rowid, ${list('')}) VALUES ('delete', OLD.seq, ${list('OLD.')});
END;
CREATE TRIGGER review_rows_text_update AFTER UPDATE ON review_rows BEGIN
  INSERT INTO review_fts (review_fts, rowid, ${list('')}) VALUES ('delete', OLD.seq, ${list('OLD.')});
  INSERT INTO review_fts (rowid, ${list('')}) VALUES (NEW.seq, ${list('NEW.')});
END;
`;

/**
 * Migration 9: the review grid's trigram index split into one FTS5 table per text column
 * (main/core/review/text-index.ts says why). Same tokenizer and options as migration 6's
 * `review_fts` (trigram, case folded, diacritics kept, external content on `review_rows` by `seq`),
 * plus `columnsize=0`: nothing ranks these matches, so the per-row token counts are not kept.
 *
 * The triggers keep migration 6's names, so whatever sets them aside by name (a bulk rebuild of the
 * review rows) still finds them; each now writes the eight tables. The backfill is each table's
 * `rebuild` (one read of `review_rows` per table). Run again over its own result (a project whose
 * version was set back), it rebuilds the same tables and triggers.
 */
const COLUMNS = ['claim_text', 'document_title', 'outlet', 'source_name', 'cue', 'channel', 'tags', 'annotator'] as const;
const table = (c: string) => `review_fts_${c}`;
const each = (f: (c: string) => string) => COLUMNS.map(f).join('\n');

export default /* sql */ `
DROP TRIGGER IF EXISTS review_rows_text_insert;
DROP TRIGGER IF EXISTS review_rows_text_delete;
DROP TRIGGER IF EXISTS review_rows_text_update;
DROP TABLE IF EXISTS review_fts;

${each((c) => `CREATE VIRTUAL TABLE IF NOT EXISTS ${table(c)} USING fts5(
  ${c}, content = 'review_rows', content_rowid = 'seq', columnsize = 0, tokenize = 'trigram case_sensitive 0'
);
INSERT INTO ${table(c)} (${table(c)}, rank) VALUES ('hashsize', 16777216);
INSERT INTO ${table(c)} (${table(c)}) VALUES ('rebuild');
INSERT INTO ${table(c)} (${table(c)}, rank) VALUES ('hashsize', 1048576);`)}

CREATE TRIGGER review_rows_text_insert AFTER INSERT ON review_rows BEGIN
${each((c) => `  INSERT INTO ${table(c)} (rowid, ${c}) VALUES (NEW.seq, NEW.${c});`)}
END;
CREATE TRIGGER review_rows_text_delete AFTER DELETE ON review_rows BEGIN
${each((c) => `  INSERT INTO ${table(c)} (${table(c)}, rowid, ${c}) VALUES ('delete', OLD.seq, OLD.${c});`)}
END;
CREATE TRIGGER review_rows_text_update AFTER UPDATE ON review_rows BEGIN
${each((c) => `  INSERT INTO ${table(c)} (${table(c)}, rowid, ${c}) VALUES ('delete', OLD.seq, OLD.${c});
  INSERT INTO ${table(c)} (rowid, ${c}) VALUES (NEW.seq, NEW.${c});`)}
END;
`;

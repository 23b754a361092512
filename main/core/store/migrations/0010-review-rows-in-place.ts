/**
 * Migration 10: the review rows are refreshed in place. Migration 4's triggers refreshed a claim's
 * (or a source's, a document's…) rows by deleting them and inserting the view's rows again, so
 * every refresh rewrote every index of every row and, through migration 9's triggers, took each
 * row's text out of the eight trigram tables and put it back. Grading a source refreshed all its
 * rows that way: about 0.4 ms a row, seconds for a source quoted thousands of times.
 *
 * Now a refresh deletes only the rows the view no longer has, inserts the new ones, and updates a
 * row only where one of its values differs (an upsert guarded by `IS NOT` on every column); the
 * trigram tables are written only for a text column whose value changed. Same triggers, same events,
 * same rows in the end: only the way there changed. A bulk rebuild (after a pack merge) still deletes
 * and inserts, through the insert and delete triggers.
 */
const COLUMNS = [
  'attribution_id', 'claim_id', 'claim_text', 'kind', 'claim_start', 'document_id', 'document_title', 'outlet', 'published',
  'source_id', 'source_name', 'source_type', 'anonymous', 'cue', 'channel', 'reliability', 'credibility', 'rating', 'status',
  'status_reason', 'independent_sources', 'tags', 'annotator', 'annotated_at',
] as const;
const TEXT = ['claim_text', 'document_title', 'outlet', 'source_name', 'cue', 'channel', 'tags', 'annotator'] as const;

const refresh = (where: string) => `
  DELETE FROM review_rows WHERE ${where} AND attribution_id NOT IN (SELECT attribution_id FROM review_view WHERE ${where});
  INSERT INTO review_rows SELECT * FROM review_view WHERE ${where}
  ON CONFLICT DO UPDATE SET ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
  WHERE ${COLUMNS.map((c) => `review_rows.${c} IS NOT excluded.${c}`).join(' OR ')};`;

const trigger = (name: string, on: string, where: string) => `
DROP TRIGGER IF EXISTS ${name};
CREATE TRIGGER ${name} ${on} BEGIN${refresh(where)}
END;`;

const textUpdate = (c: string) => `
DROP TRIGGER IF EXISTS review_rows_text_update_${c};
CREATE TRIGGER review_rows_text_update_${c} AFTER UPDATE OF ${c} ON review_rows WHEN OLD.${c} IS NOT NEW.${c} BEGIN
  INSERT INTO review_fts_${c} (review_fts_${c}, rowid, ${c}) VALUES ('delete', OLD.seq, OLD.${c});
  INSERT INTO review_fts_${c} (rowid, ${c}) VALUES (NEW.seq, NEW.${c});
END;`;

export default /* sql */ `
${trigger('review_attribution_insert', 'AFTER INSERT ON attributions', 'claim_id = NEW.claim_id')}
${trigger('review_attribution_update', 'AFTER UPDATE ON attributions', 'claim_id IN (NEW.claim_id, OLD.claim_id)')}
${trigger('review_claim_update', 'AFTER UPDATE ON claims', 'claim_id = NEW.id')}
${trigger(
  'review_span_update',
  `AFTER UPDATE OF kind, exact, start, deleted_at ON spans
WHEN NEW.kind IN ('claim', 'denial', 'dispute') OR OLD.kind IN ('claim', 'denial', 'dispute')`,
  'claim_id = NEW.id',
)}
${trigger('review_cue_update', `AFTER UPDATE OF exact, deleted_at ON spans WHEN NEW.kind = 'cue'`, 'claim_id IN (SELECT claim_id FROM attributions WHERE cue_span_id = NEW.id)')}
${trigger('review_source_update', 'AFTER UPDATE OF name, type, reliability, deleted_at ON sources', 'source_id = NEW.id')}
${trigger('review_document_update', 'AFTER UPDATE OF title, outlet, published, deleted_at ON documents', 'document_id = NEW.id')}
${trigger('review_tagging_insert', 'AFTER INSERT ON taggings WHEN NEW.span_id IS NOT NULL', 'claim_id = NEW.span_id')}
${trigger(
  'review_tagging_update',
  'AFTER UPDATE OF tag_id, span_id, document_id, deleted_at ON taggings WHEN NEW.span_id IS NOT NULL',
  'claim_id IN (NEW.span_id, OLD.span_id)',
)}
${trigger(
  'review_tag_update',
  'AFTER UPDATE OF name, deleted_at ON tags',
  'claim_id IN (SELECT span_id FROM taggings WHERE tag_id = NEW.id AND span_id IS NOT NULL)',
)}

DROP TRIGGER IF EXISTS review_rows_text_update;
${TEXT.map(textUpdate).join('\n')}
`;

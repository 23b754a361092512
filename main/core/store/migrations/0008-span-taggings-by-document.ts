/**
 * Migration 8: a span tagging knows its span's document. Loading a document's annotations joined
 * every span to `taggings` by span id: one probe of `taggings_span` per span, 10,000 of them for a
 * large document, about an eighth of the whole load, nearly always finding nothing. With the span's
 * document on the tagging, the document's span taggings are one range of a covering index.
 *
 * `span_document_id` is derived data, kept by two triggers whatever writes the tagging (a service,
 * undo and redo, a pack merge): a span never changes document, so the value is set when a tagging is
 * made or pointed at another span. `review_tagging_update` fired on any update of a tagging; it now
 * fires only on the columns the review rows read, so that setting the derived column costs no review
 * refresh (its body is unchanged). The index ends with `deleted_at`, always NULL in it, only so that
 * SQLite reads the taggings from the index alone.
 */
const REFRESH_CLAIMS = `
  DELETE FROM review_rows WHERE claim_id IN (NEW.span_id, OLD.span_id);
  INSERT INTO review_rows SELECT * FROM review_view WHERE claim_id IN (NEW.span_id, OLD.span_id);`;

export default /* sql */ `
ALTER TABLE taggings ADD COLUMN span_document_id TEXT;

DROP TRIGGER IF EXISTS review_tagging_update;
UPDATE taggings SET span_document_id = (SELECT document_id FROM spans WHERE spans.id = taggings.span_id) WHERE span_id IS NOT NULL;
CREATE TRIGGER review_tagging_update AFTER UPDATE OF tag_id, span_id, document_id, deleted_at ON taggings
WHEN NEW.span_id IS NOT NULL BEGIN${REFRESH_CLAIMS}
END;

CREATE INDEX taggings_span_document ON taggings (span_document_id, seq, span_id, tag_id, deleted_at)
  WHERE span_document_id IS NOT NULL AND deleted_at IS NULL;

CREATE TRIGGER taggings_span_document_insert AFTER INSERT ON taggings WHEN NEW.span_id IS NOT NULL BEGIN
  UPDATE taggings SET span_document_id = (SELECT document_id FROM spans WHERE id = NEW.span_id) WHERE seq = NEW.seq;
END;
CREATE TRIGGER taggings_span_document_update AFTER UPDATE OF span_id ON taggings BEGIN
  UPDATE taggings SET span_document_id = (SELECT document_id FROM spans WHERE id = NEW.span_id) WHERE seq = NEW.seq;
END;
`;

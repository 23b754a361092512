/**
 * Migration 4: the review index. One row per live attribution with everything the review grid shows,
 * sorts and filters on (claim, document, source, grades, status, tags), so that paging a million rows
 * in any order is an index walk on one table instead of a seven-way join.
 *
 * The rows are derived, never edited: triggers on every table they draw from rebuild the affected
 * rows from `review_view` inside the same transaction as the change (user actions, undo and redo
 * alike), so the index can never drift from the annotations. `claims.status_reason` says why a status
 * is what it is (e.g. a corroboration that is not independent).
 */
const refresh = (where: string) => `
    DELETE FROM review_rows WHERE ${where};
    INSERT INTO review_rows SELECT * FROM review_view WHERE ${where};`;

export default /* sql */ `
ALTER TABLE claims ADD COLUMN status_reason TEXT;

CREATE TABLE review_views (
  seq        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  revision   INTEGER NOT NULL DEFAULT 1,
  origin     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES analysts (id),
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  state      TEXT NOT NULL CHECK (json_valid(state))
) STRICT;
CREATE UNIQUE INDEX review_views_name ON review_views (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE VIEW review_view AS
SELECT
  a.seq, a.id AS attribution_id, a.claim_id, s.exact AS claim_text, s.kind, s.start AS claim_start,
  c.document_id, d.title AS document_title, d.outlet, d.published,
  a.source_id, src.name AS source_name, src.type AS source_type, a.anonymous,
  cue.exact AS cue, a.channel, src.reliability, a.credibility,
  CASE WHEN src.reliability IS NULL AND a.credibility IS NULL THEN NULL
       ELSE coalesce(src.reliability, '?') || coalesce(a.credibility, '?') END AS rating,
  coalesce(c.status_override, c.status) AS status,
  c.status_reason,
  (SELECT count(DISTINCT a2.source_id) FROM attributions a2
    WHERE a2.claim_id = a.claim_id AND a2.deleted_at IS NULL
      AND a2.source_id NOT IN (SELECT v.value FROM attributions a3, json_each(a3.via) v
                               WHERE a3.claim_id = a.claim_id AND a3.deleted_at IS NULL AND a3.id <> a2.id)) AS independent_sources,
  (SELECT group_concat(name, ', ') FROM (SELECT t.name FROM taggings tg JOIN tags t ON t.id = tg.tag_id
    WHERE tg.span_id = a.claim_id AND tg.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE)) AS tags,
  an.display_name AS annotator, a.created_at AS annotated_at
FROM attributions a
JOIN claims c ON c.id = a.claim_id
JOIN spans s ON s.id = a.claim_id
JOIN documents d ON d.id = c.document_id
JOIN sources src ON src.id = a.source_id
LEFT JOIN spans cue ON cue.id = a.cue_span_id AND cue.deleted_at IS NULL
JOIN analysts an ON an.id = a.created_by
WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL AND s.deleted_at IS NULL AND d.deleted_at IS NULL;

CREATE TABLE review_rows (
  seq                 INTEGER PRIMARY KEY,
  attribution_id      TEXT NOT NULL UNIQUE,
  claim_id            TEXT NOT NULL,
  claim_text          TEXT NOT NULL,
  kind                TEXT NOT NULL,
  claim_start         INTEGER NOT NULL,
  document_id         TEXT NOT NULL,
  document_title      TEXT,
  outlet              TEXT,
  published           TEXT,
  source_id           TEXT NOT NULL,
  source_name         TEXT NOT NULL,
  source_type         TEXT NOT NULL,
  anonymous           INTEGER NOT NULL,
  cue                 TEXT,
  channel             TEXT,
  reliability         TEXT,
  credibility         INTEGER,
  rating              TEXT,
  status              TEXT NOT NULL,
  status_reason       TEXT,
  independent_sources INTEGER NOT NULL,
  tags                TEXT,
  annotator           TEXT NOT NULL,
  annotated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX review_claim ON review_rows (claim_id);
CREATE INDEX review_document ON review_rows (document_id, claim_start);
CREATE INDEX review_source ON review_rows (source_id);
CREATE INDEX review_by_source ON review_rows (source_name COLLATE NOCASE, seq);
CREATE INDEX review_by_published ON review_rows (published, seq);
CREATE INDEX review_by_outlet ON review_rows (outlet COLLATE NOCASE, seq);
CREATE INDEX review_by_title ON review_rows (document_title COLLATE NOCASE, seq);
CREATE INDEX review_by_status ON review_rows (status, seq);
CREATE INDEX review_by_kind ON review_rows (kind, seq);
CREATE INDEX review_by_rating ON review_rows (rating, seq);
CREATE INDEX review_by_reliability ON review_rows (reliability, seq);
CREATE INDEX review_by_credibility ON review_rows (credibility, seq);
CREATE INDEX review_by_type ON review_rows (source_type, seq);
CREATE INDEX review_by_independent ON review_rows (independent_sources, seq);
CREATE INDEX review_by_annotated ON review_rows (annotated_at, seq);
CREATE INDEX review_by_anonymous ON review_rows (anonymous, independent_sources, seq);

CREATE TRIGGER review_attribution_insert AFTER INSERT ON attributions BEGIN${refresh('claim_id = NEW.claim_id')}
END;
CREATE TRIGGER review_attribution_update AFTER UPDATE ON attributions BEGIN${refresh('claim_id IN (NEW.claim_id, OLD.claim_id)')}
END;
CREATE TRIGGER review_claim_update AFTER UPDATE ON claims BEGIN${refresh('claim_id = NEW.id')}
END;
CREATE TRIGGER review_span_update AFTER UPDATE OF kind, exact, start, deleted_at ON spans
WHEN NEW.kind IN ('claim', 'denial', 'dispute') OR OLD.kind IN ('claim', 'denial', 'dispute') BEGIN${refresh('claim_id = NEW.id')}
END;
CREATE TRIGGER review_cue_update AFTER UPDATE OF exact, deleted_at ON spans WHEN NEW.kind = 'cue' BEGIN${refresh(
  'claim_id IN (SELECT claim_id FROM attributions WHERE cue_span_id = NEW.id)',
)}
END;
CREATE TRIGGER review_source_update AFTER UPDATE OF name, type, reliability, deleted_at ON sources BEGIN${refresh('source_id = NEW.id')}
END;
CREATE TRIGGER review_document_update AFTER UPDATE OF title, outlet, published, deleted_at ON documents BEGIN${refresh('document_id = NEW.id')}
END;
CREATE TRIGGER review_tagging_insert AFTER INSERT ON taggings WHEN NEW.span_id IS NOT NULL BEGIN${refresh('claim_id = NEW.span_id')}
END;
CREATE TRIGGER review_tagging_update AFTER UPDATE ON taggings WHEN NEW.span_id IS NOT NULL BEGIN${refresh('claim_id IN (NEW.span_id, OLD.span_id)')}
END;
CREATE TRIGGER review_tag_update AFTER UPDATE OF name, deleted_at ON tags BEGIN${refresh(
  'claim_id IN (SELECT span_id FROM taggings WHERE tag_id = NEW.id AND span_id IS NOT NULL)',
)}
END;
`;

/**
 * Migration 3: annotation. Spans anchored to a document's text; claims (a span of kind claim, denial
 * or dispute, with its derived status); sources with aliases and a graded history; attributions
 * (claim ← source through a cue and a channel, with relays); typed links between claims; a
 * hierarchical tag codebook and its taggings.
 *
 * Offsets are UTF-16 code units of `documents.text`, with `exact`, `prefix` and `suffix` kept so a
 * span can be re-anchored, or shown as orphaned, if the text it was made on ever differs.
 * JSON columns (`aliases`, `via`, `data`) hold small lists and kind-specific detail; they are checked
 * with `json_valid` and written only by the services.
 */
const bookkeeping = `
  revision   INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  origin     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES analysts (id),
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

export default /* sql */ `
CREATE TABLE sources (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,${bookkeeping},
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  type        TEXT NOT NULL CHECK (type IN ('named official', 'anonymous official', 'witness or resident',
                'analyst or expert', 'outlet', 'document or statement', 'organisation', 'person')),
  affiliation TEXT,
  aliases     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array'),
  reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
  -- Anonymous groups ("intelligence sources") are one record per document unless merged.
  scope_document_id TEXT REFERENCES documents (id),
  merged_into TEXT REFERENCES sources (id)
) STRICT;
CREATE INDEX sources_live ON sources (name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- Reliability history: who graded, when, why. Append-only.
CREATE TABLE source_grades (
  seq        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  source_id  TEXT NOT NULL REFERENCES sources (id),
  grade      TEXT CHECK (grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
  reason     TEXT,
  analyst_id TEXT NOT NULL REFERENCES analysts (id),
  at         TEXT NOT NULL
) STRICT;
CREATE INDEX source_grades_source ON source_grades (source_id, seq);

CREATE TABLE spans (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,${bookkeeping},
  document_id TEXT NOT NULL REFERENCES documents (id),
  kind        TEXT NOT NULL CHECK (kind IN ('claim', 'denial', 'dispute', 'source', 'cue', 'channel', 'entity',
                'quantity', 'date', 'note', 'excluded')),
  start       INTEGER NOT NULL CHECK (start >= 0),
  "end"       INTEGER NOT NULL CHECK ("end" > start),
  exact       TEXT NOT NULL CHECK (length(exact) > 0),
  prefix      TEXT NOT NULL DEFAULT '',
  suffix      TEXT NOT NULL DEFAULT '',
  orphaned    INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
  source_id   TEXT REFERENCES sources (id),
  note        TEXT,
  data        TEXT CHECK (data IS NULL OR json_valid(data))
) STRICT;
CREATE INDEX spans_document ON spans (document_id, start) WHERE deleted_at IS NULL;
CREATE INDEX spans_source ON spans (source_id) WHERE source_id IS NOT NULL AND deleted_at IS NULL;

-- A claim is a span of kind claim, denial or dispute; it shares the span's id.
CREATE TABLE claims (
  seq             INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE REFERENCES spans (id),${bookkeeping},
  document_id     TEXT NOT NULL REFERENCES documents (id),
  status          TEXT NOT NULL DEFAULT 'uncontested'
                    CHECK (status IN ('uncontested', 'disputed', 'denied', 'corroborated')),
  status_override TEXT CHECK (status_override IN ('uncontested', 'disputed', 'denied', 'corroborated')),
  override_reason TEXT,
  CHECK ((status_override IS NULL) = (override_reason IS NULL))
) STRICT;
CREATE INDEX claims_document ON claims (document_id) WHERE deleted_at IS NULL;
-- status is derived from the links; the effective status is the analyst's override when there is one.
CREATE INDEX claims_status ON claims (coalesce(status_override, status)) WHERE deleted_at IS NULL;

CREATE TABLE attributions (
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,${bookkeeping},
  claim_id         TEXT NOT NULL REFERENCES claims (id),
  source_id        TEXT NOT NULL REFERENCES sources (id),
  cue_span_id      TEXT REFERENCES spans (id),
  channel          TEXT,
  channel_span_id  TEXT REFERENCES spans (id),
  speech           TEXT NOT NULL DEFAULT 'indirect' CHECK (speech IN ('direct', 'indirect')),
  anonymous        INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  anonymity_reason TEXT,
  via              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(via) AND json_type(via) = 'array'),
  credibility      INTEGER CHECK (credibility BETWEEN 1 AND 6),
  rationale        TEXT
) STRICT;
CREATE INDEX attributions_claim ON attributions (claim_id) WHERE deleted_at IS NULL;
CREATE INDEX attributions_source ON attributions (source_id) WHERE deleted_at IS NULL;

CREATE TABLE claim_links (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,${bookkeeping},
  from_claim_id TEXT NOT NULL REFERENCES claims (id),
  to_claim_id   TEXT NOT NULL REFERENCES claims (id),
  relation      TEXT NOT NULL CHECK (relation IN ('denies', 'disputes', 'corroborates', 'repeats', 'updates')),
  note          TEXT,
  CHECK (from_claim_id <> to_claim_id)
) STRICT;
CREATE INDEX claim_links_from ON claim_links (from_claim_id) WHERE deleted_at IS NULL;
CREATE INDEX claim_links_to ON claim_links (to_claim_id) WHERE deleted_at IS NULL;

CREATE TABLE tags (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,${bookkeeping},
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  parent_id   TEXT REFERENCES tags (id),
  color       TEXT CHECK (color IS NULL OR color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  merged_into TEXT REFERENCES tags (id)
) STRICT;
CREATE UNIQUE INDEX tags_name ON tags (coalesce(parent_id, ''), name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE taggings (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,${bookkeeping},
  tag_id      TEXT NOT NULL REFERENCES tags (id),
  span_id     TEXT REFERENCES spans (id),
  document_id TEXT REFERENCES documents (id),
  CHECK ((span_id IS NULL) <> (document_id IS NULL))
) STRICT;
CREATE INDEX taggings_span ON taggings (span_id) WHERE deleted_at IS NULL;
CREATE INDEX taggings_document ON taggings (document_id) WHERE deleted_at IS NULL;
CREATE INDEX taggings_tag ON taggings (tag_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX taggings_once ON taggings (tag_id, coalesce(span_id, document_id)) WHERE deleted_at IS NULL;
`;

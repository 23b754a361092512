/**
 * Migration 2: documents, their import provenance, and the full-text index.
 *
 * `documents.text` is fixed at import (NFC, \n). `document_imports` keeps one row per import of a
 * file, duplicates included: two outlets running one wire story is a fact the review needs.
 * `original_bytes` is NULL when the file's bytes are exactly the UTF-8 of the stored text, which is
 * the common case; otherwise it holds the file as read.
 *
 * The FTS index is contentless: it holds the *folded* title and text (Arabic diacritics, tatweel and
 * letter variants folded, see shared/text/fold.ts), which is not what a person reads, so snippets are
 * cut from the real text by the search service instead of FTS5's snippet().
 *
 * No prefix index (`prefix = ...`). One for 2- and 3-letter prefixes doubled the cost of indexing
 * and made the project file 40% larger, yet did not make those searches faster: a 2- or 3-letter prefix
 * matches so many documents that ranking and counting them is the cost, not finding them (measured
 * on 100,000 documents, docs/benchmarks.md). Longer prefixes never used it. FTS5 answers a prefix
 * query from the main index, by the terms that start with it.
 *
 * `hashsize`: FTS5 collects new index entries in memory and writes them out as a segment when they
 * exceed this (default 1 MB), then merges segments. 16 MB means fewer, larger segments and less
 * merging: ~25% less CPU per document in the indexing loop.
 */
export default /* sql */ `
CREATE TABLE documents (
  seq        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  revision   INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  origin     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES analysts (id),
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  sha256     TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  text       TEXT NOT NULL CHECK (length(text) > 0),
  title      TEXT,
  outlet     TEXT,
  author     TEXT,
  url        TEXT,
  published  TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]*'),
  language   TEXT NOT NULL,
  direction  TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')),
  word_count INTEGER NOT NULL
) STRICT;
CREATE INDEX documents_live ON documents (created_at, seq) WHERE deleted_at IS NULL;
CREATE INDEX documents_outlet ON documents (outlet COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX documents_published ON documents (published) WHERE deleted_at IS NULL;

CREATE TABLE document_imports (
  seq            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  revision       INTEGER NOT NULL DEFAULT 1,
  origin         TEXT NOT NULL,
  deleted_at     TEXT,
  document_id    TEXT NOT NULL REFERENCES documents (id),
  batch_id       TEXT NOT NULL,
  analyst_id     TEXT NOT NULL REFERENCES analysts (id),
  imported_at    TEXT NOT NULL,
  file_name      TEXT NOT NULL,
  file_path      TEXT,
  encoding       TEXT NOT NULL,
  byte_length    INTEGER NOT NULL,
  original_bytes BLOB,
  sidecar        TEXT,
  proposed       TEXT,
  duplicate      INTEGER NOT NULL CHECK (duplicate IN (0, 1))
) STRICT;
CREATE INDEX document_imports_document ON document_imports (document_id);
CREATE INDEX document_imports_batch ON document_imports (batch_id);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', 16777216);
`;

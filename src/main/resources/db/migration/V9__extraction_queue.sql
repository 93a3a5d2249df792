-- Extraction and indexing after commit (docs/extraction.md, "Indexing after commit"). An upload
-- commits its encrypted content, version row, access-log entry and one row here (state PENDING),
-- and returns; workers of any vault instance claim pending rows (FOR UPDATE SKIP LOCKED, with a
-- lease), extract and index the version, and record the outcome here. A worker that dies leaves a
-- lease that expires; the row is claimed again, at most max-attempts times.
--
-- document_version stays immutable: a version uploaded this way says PENDING there for good; its
-- outcome is this row. Versions uploaded before keep their outcome in document_version.

ALTER TABLE document_version DROP CONSTRAINT document_version_extraction_status_check;
ALTER TABLE document_version ADD CONSTRAINT document_version_extraction_status_check
    CHECK (extraction_status IN ('EXTRACTED', 'NOT_INDEXED', 'PENDING'));

CREATE TABLE version_extraction (
    version_id   UUID        PRIMARY KEY REFERENCES document_version (id) DEFERRABLE INITIALLY DEFERRED,
    state        TEXT        NOT NULL CHECK (state IN ('PENDING', 'EXTRACTED', 'NOT_INDEXED')),
    reason       TEXT,                                   -- why NOT_INDEXED: a fixed text, never document text
    metadata_ct  BYTEA,                                  -- extracted metadata (JSON), encrypted, bound to this row
    attempts     INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    pages_done   INTEGER     CHECK (pages_done >= 0),
    pages_total  INTEGER     CHECK (pages_total >= 0),
    enqueued_at  TIMESTAMPTZ NOT NULL,
    leased_until TIMESTAMPTZ,                            -- a worker holds the row until then
    leased_by    TEXT,                                   -- which instance (host and process), for operators
    finished_at  TIMESTAMPTZ,
    CHECK ((state = 'PENDING') = (finished_at IS NULL)),
    CHECK (state = 'NOT_INDEXED' OR reason IS NULL)
);
COMMENT ON TABLE version_extraction IS 'Extraction and indexing of a document version after its upload committed: the durable queue (PENDING) and the outcome';
COMMENT ON COLUMN version_extraction.metadata_ct IS 'Extracted metadata as JSON, AES-GCM under the subject''s data key, bound to (version_extraction, metadata_ct, version id)';
COMMENT ON COLUMN version_extraction.leased_until IS 'A worker claimed the row until then; after it, any worker may claim it again';
CREATE INDEX version_extraction_pending_idx ON version_extraction (enqueued_at) WHERE state = 'PENDING';

-- Documents of a subject. The title is AES-GCM ciphertext under the subject's data key, bound to
-- ('document', 'title_ct', id).
CREATE TABLE document (
    id             UUID        PRIMARY KEY,
    subject_id     UUID        NOT NULL REFERENCES subject (id),
    doc_type       TEXT        NOT NULL CHECK (doc_type IN ('IDENTITY', 'COURT', 'PSYCH_EVALUATION', 'MEDICAL', 'SOCIAL',
                                                          'EDUCATION', 'THEOLOGICAL', 'CONSENT', 'CORRESPONDENCE')),
    title_ct       BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT        NOT NULL,
    latest_version INTEGER     NOT NULL DEFAULT 0 CHECK (latest_version >= 0),
    row_version    BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX document_subject_idx ON document (subject_id, created_at, id);

-- Immutable versions (invariant 6). Content lives in content_chunk, written in the same transaction,
-- so a version is all there or not there at all.
CREATE TABLE document_version (
    id                UUID        PRIMARY KEY,
    document_id       UUID        NOT NULL REFERENCES document (id),
    version_no        INTEGER     NOT NULL CHECK (version_no >= 1),
    media_type        TEXT        NOT NULL,                  -- detected by Tika from the content
    size_bytes        BIGINT      NOT NULL CHECK (size_bytes >= 1),
    ciphertext_bytes  BIGINT      NOT NULL CHECK (ciphertext_bytes > size_bytes),
    chunk_count       INTEGER     NOT NULL CHECK (chunk_count >= 1),
    content_digest    BYTEA       NOT NULL CHECK (octet_length(content_digest) = 32), -- keyed (HMAC) digest of the plaintext
    file_name_ct      BYTEA,                                 -- the client's file name, encrypted
    metadata_ct       BYTEA,                                 -- extracted metadata (JSON), encrypted
    extraction_status TEXT        NOT NULL CHECK (extraction_status IN ('EXTRACTED', 'NOT_INDEXED')),
    extraction_reason TEXT,                                  -- why NOT_INDEXED (never document text)
    uploaded_by       TEXT        NOT NULL,
    uploaded_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (document_id, version_no)
);

-- Encrypted content in ~1 MiB rows: the AES-GCM-HKDF stream (header + segments) cut into pieces.
CREATE TABLE content_chunk (
    version_id UUID    NOT NULL REFERENCES document_version (id) DEFERRABLE INITIALLY DEFERRED,
    seq        INTEGER NOT NULL CHECK (seq >= 0),
    data       BYTEA   NOT NULL,
    PRIMARY KEY (version_id, seq)
);

CREATE FUNCTION reject_change_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER document_version_immutable BEFORE UPDATE OR DELETE ON document_version
    FOR EACH ROW EXECUTE FUNCTION reject_change_immutable();
CREATE TRIGGER content_chunk_immutable BEFORE UPDATE OR DELETE ON content_chunk
    FOR EACH ROW EXECUTE FUNCTION reject_change_immutable();
CREATE TRIGGER document_version_no_truncate BEFORE TRUNCATE ON document_version
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change_immutable();
CREATE TRIGGER content_chunk_no_truncate BEFORE TRUNCATE ON content_chunk
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change_immutable();

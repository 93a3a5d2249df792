-- Records governance (docs/records.md): per-document keys, dated events on subjects, legal holds,
-- the disposition queue and certificates of destruction.

-- How a document's title, metadata and content are keyed. SUBJECT: under the subject's data key
-- (documents stored before per-document keys). DOCUMENT: under a key derived from the subject's
-- data key and the document's key share, which lives outside the database and is deleted when the
-- document is destroyed.
ALTER TABLE document ADD COLUMN key_scheme TEXT NOT NULL DEFAULT 'SUBJECT'
    CHECK (key_scheme IN ('SUBJECT', 'DOCUMENT'));
ALTER TABLE document ALTER COLUMN key_scheme SET DEFAULT 'DOCUMENT';
ALTER TABLE document ADD COLUMN destroyed_at TIMESTAMPTZ;
ALTER TABLE document ADD COLUMN certificate_id UUID;
ALTER TABLE document ADD CONSTRAINT document_destroyed_has_certificate
    CHECK ((destroyed_at IS NULL) = (certificate_id IS NULL));

-- Dated events that start retention clocks (programme closure is the stage transition to CLOSED).
CREATE TABLE subject_event (
    id           BIGSERIAL   PRIMARY KEY,
    subject_id   UUID        NOT NULL REFERENCES subject (id),
    kind         TEXT        NOT NULL CHECK (kind IN ('CASE_CLOSED')),
    occurred_on  DATE        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    recorded_by  TEXT        NOT NULL
);
CREATE INDEX subject_event_subject_idx ON subject_event (subject_id, kind, occurred_on);

-- Legal holds on a whole subject (document_id NULL) or one document. Reason and case reference are
-- sealed under the subject's data key, bound to ('legal_hold', column, id).
CREATE TABLE legal_hold (
    id                 UUID        PRIMARY KEY,
    subject_id         UUID        NOT NULL REFERENCES subject (id),
    document_id        UUID        REFERENCES document (id),
    centre_code        VARCHAR(16) NOT NULL REFERENCES centre (code),
    reason_ct          BYTEA       NOT NULL,
    case_reference_ct  BYTEA       NOT NULL,
    placed_at          TIMESTAMPTZ NOT NULL,
    placed_by          TEXT        NOT NULL,
    released_at        TIMESTAMPTZ,
    released_by        TEXT,
    release_reason_ct  BYTEA,
    row_version        BIGINT      NOT NULL DEFAULT 0,
    CHECK ((released_at IS NULL) = (released_by IS NULL)),
    CHECK ((released_at IS NULL) = (release_reason_ct IS NULL))
);
CREATE INDEX legal_hold_subject_idx ON legal_hold (subject_id, placed_at);
CREATE INDEX legal_hold_active_idx ON legal_hold (centre_code, placed_at) WHERE released_at IS NULL;

-- The disposition queue: one row per document whose retention ended. Nothing is destroyed without
-- a proposal and an approval by two different people. Free-text reasons are sealed under the
-- subject's data key.
CREATE TABLE disposition (
    id                   UUID        PRIMARY KEY,
    document_id          UUID        NOT NULL REFERENCES document (id),
    subject_id           UUID        NOT NULL REFERENCES subject (id),
    centre_code          VARCHAR(16) NOT NULL REFERENCES centre (code),
    doc_type             TEXT        NOT NULL,
    rule_event           TEXT        NOT NULL CHECK (rule_event IN ('DOCUMENT_CREATED', 'PROGRAMME_CLOSED', 'CASE_CLOSED')),
    rule_period          TEXT        NOT NULL,
    rule_action          TEXT        NOT NULL CHECK (rule_action IN ('REVIEW', 'DESTROY')),
    retention_start      DATE        NOT NULL,
    due_on               DATE        NOT NULL,
    state                TEXT        NOT NULL CHECK (state IN ('ELIGIBLE', 'PROPOSED', 'EXTENDED', 'DESTROYED')),
    found_at             TIMESTAMPTZ NOT NULL,
    proposed_by          TEXT,
    proposed_at          TIMESTAMPTZ,
    proposal_reason_ct   BYTEA,
    approved_by          TEXT,
    approved_at          TIMESTAMPTZ,
    extended_by          TEXT,
    extended_at          TIMESTAMPTZ,
    extended_until       DATE,
    extension_reason_ct  BYTEA,
    certificate_id       UUID,
    row_version          BIGINT      NOT NULL DEFAULT 0,
    CHECK (approved_by IS NULL OR approved_by <> proposed_by),           -- two different people
    CHECK ((state = 'DESTROYED') = (certificate_id IS NOT NULL))
);
CREATE UNIQUE INDEX disposition_one_open_idx ON disposition (document_id) WHERE state IN ('ELIGIBLE', 'PROPOSED');
CREATE INDEX disposition_state_idx ON disposition (state, due_on, id);
CREATE INDEX disposition_document_idx ON disposition (document_id, found_at);

-- Signed certificates of destruction, exactly as issued (canonical JSON with its Ed25519 signature).
CREATE TABLE destruction_certificate (
    id              UUID        PRIMARY KEY,
    disposition_id  UUID        NOT NULL UNIQUE REFERENCES disposition (id),
    document_id     UUID        NOT NULL REFERENCES document (id),
    issued_at       TIMESTAMPTZ NOT NULL,
    key_id          TEXT        NOT NULL,
    signed_file     BYTEA       NOT NULL
);
CREATE TRIGGER destruction_certificate_immutable BEFORE UPDATE OR DELETE ON destruction_certificate
    FOR EACH ROW EXECUTE FUNCTION reject_change_immutable();
CREATE TRIGGER destruction_certificate_no_truncate BEFORE TRUNCATE ON destruction_certificate
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change_immutable();

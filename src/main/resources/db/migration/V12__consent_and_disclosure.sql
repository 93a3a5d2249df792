-- Consent and disclosure (docs/records.md, "Consent and disclosure"): recorded consents, and every
-- disclosure of documents outside the vault with its items, basis and signed manifest. Free text
-- (names of recipients and guardians, purposes, references) is sealed under the subject's data key.

CREATE TABLE consent (
    id                    UUID        PRIMARY KEY,
    subject_id            UUID        NOT NULL REFERENCES subject (id),
    centre_code           VARCHAR(16) NOT NULL REFERENCES centre (code),
    given_by              TEXT        NOT NULL CHECK (given_by IN ('SUBJECT', 'GUARDIAN')),
    guardian_name_ct      BYTEA,
    document_types        TEXT        NOT NULL,          -- comma-separated document types
    recipient_kind        TEXT        NOT NULL CHECK (recipient_kind IN ('COURT', 'GUARDIAN', 'SCHOOL', 'EMBASSY', 'OTHER')),
    recipient_name_ct     BYTEA,                         -- NULL: any recipient of the kind
    purpose_ct            BYTEA       NOT NULL,
    valid_until           DATE        NOT NULL,
    consent_document_id   UUID        NOT NULL REFERENCES document (id),
    recorded_at           TIMESTAMPTZ NOT NULL,
    recorded_by           TEXT        NOT NULL,
    revoked_on            DATE,
    revoked_at            TIMESTAMPTZ,
    revoked_by            TEXT,
    revocation_reason_ct  BYTEA,
    row_version           BIGINT      NOT NULL DEFAULT 0,
    CHECK ((given_by = 'GUARDIAN') = (guardian_name_ct IS NOT NULL)),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
    CHECK ((revoked_at IS NULL) = (revoked_on IS NULL))
);
CREATE INDEX consent_subject_idx ON consent (subject_id, recorded_at);

-- One row per disclosure, immutable once written: what left, to whom, why, on what authority.
CREATE TABLE disclosure (
    id                  UUID        PRIMARY KEY,
    subject_id          UUID        NOT NULL REFERENCES subject (id),
    centre_code         VARCHAR(16) NOT NULL REFERENCES centre (code),
    recipient_kind      TEXT        NOT NULL CHECK (recipient_kind IN ('COURT', 'GUARDIAN', 'SCHOOL', 'EMBASSY', 'OTHER')),
    recipient_name_ct   BYTEA       NOT NULL,
    purpose_ct          BYTEA       NOT NULL,
    basis_kind          TEXT        NOT NULL CHECK (basis_kind IN ('CONSENT', 'COURT_ORDER', 'STATUTE')),
    consent_id          UUID        REFERENCES consent (id),
    reference_ct        BYTEA,                           -- court order or case reference
    statute             TEXT,
    package_kind        TEXT        NOT NULL CHECK (package_kind IN ('COURT_BUNDLE', 'ZIP')),
    package_sha256      BYTEA       NOT NULL CHECK (octet_length(package_sha256) = 32),
    manifest            BYTEA       NOT NULL,            -- the signed manifest (hashes and ids, no content)
    made_at             TIMESTAMPTZ NOT NULL,
    made_by             TEXT        NOT NULL,
    CHECK ((basis_kind = 'CONSENT') = (consent_id IS NOT NULL)),
    CHECK ((basis_kind = 'STATUTE') = (statute IS NOT NULL))
);
CREATE INDEX disclosure_subject_idx ON disclosure (subject_id, made_at);

CREATE TABLE disclosure_item (
    disclosure_id  UUID    NOT NULL REFERENCES disclosure (id),
    position       INTEGER NOT NULL CHECK (position >= 1),
    document_id    UUID    NOT NULL REFERENCES document (id),
    version_id     UUID    NOT NULL REFERENCES document_version (id),
    version_no     INTEGER NOT NULL,
    doc_type       TEXT    NOT NULL,
    sha256         BYTEA   NOT NULL CHECK (octet_length(sha256) = 32),
    PRIMARY KEY (disclosure_id, position)
);

CREATE TRIGGER disclosure_immutable BEFORE UPDATE OR DELETE ON disclosure
    FOR EACH ROW EXECUTE FUNCTION reject_change_immutable();
CREATE TRIGGER disclosure_no_truncate BEFORE TRUNCATE ON disclosure
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change_immutable();
CREATE TRIGGER disclosure_item_immutable BEFORE UPDATE OR DELETE ON disclosure_item
    FOR EACH ROW EXECUTE FUNCTION reject_change_immutable();
CREATE TRIGGER disclosure_item_no_truncate BEFORE TRUNCATE ON disclosure_item
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change_immutable();

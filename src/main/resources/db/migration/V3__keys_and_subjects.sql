-- Key-encryption key versions known to the vault. The keys themselves live in the keystore
-- (vault.keys.keystore.location), never here; this table only records their life cycle.
CREATE TABLE kek_version (
    version     INTEGER     PRIMARY KEY CHECK (version > 0),
    state       TEXT        NOT NULL CHECK (state IN ('ACTIVE', 'RETIRED')),
    first_seen  TIMESTAMPTZ NOT NULL,
    retired_at  TIMESTAMPTZ,
    wraps       BIGINT      NOT NULL DEFAULT 0 CHECK (wraps >= 0),  -- data keys wrapped with it (nonce budget)
    CHECK ((state = 'RETIRED') = (retired_at IS NOT NULL))
);

-- One data key per owner (a subject), stored only wrapped by a KEK version. Destroying the wrapped
-- key (crypto-shredding) makes everything encrypted under it unrecoverable.
CREATE TABLE data_key (
    owner_id      UUID        PRIMARY KEY,
    kek_version   INTEGER     NOT NULL REFERENCES kek_version (version),
    wrapped       BYTEA       CHECK (wrapped IS NULL OR octet_length(wrapped) = 65), -- AES-GCM(KEK, DEK); NULL once shredded
    encryptions   BIGINT      NOT NULL DEFAULT 0 CHECK (encryptions >= 0), -- random-nonce encryptions under this DEK (NIST SP 800-38D: < 2^32)
    created_at    TIMESTAMPTZ NOT NULL,
    rewrapped_at  TIMESTAMPTZ,
    shredded_at   TIMESTAMPTZ,
    shredded_by   TEXT,
    shred_reason  TEXT,
    CHECK ((wrapped IS NULL) = (shredded_at IS NOT NULL))
);
CREATE INDEX data_key_kek_idx ON data_key (kek_version) WHERE wrapped IS NOT NULL;

-- A person whose records are kept. *_ct columns are AES-256-GCM ciphertexts under the subject's data
-- key, bound by associated data to ('subject', column, id); *_bidx are keyed blind indexes for exact
-- lookup. Plain columns hold only non-identifying, reportable facts.
CREATE TABLE subject (
    id                 UUID        PRIMARY KEY,
    centre_code        VARCHAR(16) NOT NULL REFERENCES centre (code),
    sex                CHAR(1)     NOT NULL CHECK (sex IN ('F', 'M')),
    birth_year_band    VARCHAR(9)  CHECK (birth_year_band ~ '^[0-9]{4}-[0-9]{4}$'), -- e.g. 2010-2014
    programme_stage    TEXT        NOT NULL CHECK (programme_stage IN ('ADAPTATION', 'REHABILITATION', 'REINTEGRATION', 'CLOSED')),
    arrival_date       DATE,
    legal_status       TEXT        CHECK (legal_status IN ('NONE', 'UNDER_INVESTIGATION', 'CHARGED', 'CONVICTED', 'ACQUITTED', 'AMNESTIED')),
    guardian_id        UUID        REFERENCES subject (id),
    full_name_ct       BYTEA       NOT NULL,
    date_of_birth_ct   BYTEA,
    iin_ct             BYTEA,
    place_of_origin_ct BYTEA,
    notes_ct           BYTEA,
    full_name_bidx     BYTEA       NOT NULL,
    iin_bidx           BYTEA,
    created_at         TIMESTAMPTZ NOT NULL,
    created_by         TEXT        NOT NULL,
    row_version        BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX subject_centre_idx    ON subject (centre_code, created_at, id);
CREATE INDEX subject_iin_bidx_idx  ON subject (iin_bidx);
CREATE INDEX subject_name_bidx_idx ON subject (full_name_bidx);
CREATE INDEX subject_guardian_idx  ON subject (guardian_id);

-- Dated programme-stage transitions, oldest first.
CREATE TABLE stage_transition (
    id            BIGSERIAL   PRIMARY KEY,
    subject_id    UUID        NOT NULL REFERENCES subject (id),
    from_stage    TEXT,
    to_stage      TEXT        NOT NULL,
    effective_on  DATE        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    recorded_by   TEXT        NOT NULL
);
CREATE INDEX stage_transition_subject_idx ON stage_transition (subject_id, id);

-- Resumable, audited key rotation runs.
CREATE TABLE key_rotation (
    id             BIGSERIAL   PRIMARY KEY,
    target_version INTEGER     NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    started_by     TEXT        NOT NULL,
    finished_at    TIMESTAMPTZ,
    rewrapped      BIGINT      NOT NULL DEFAULT 0,
    state          TEXT        NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED'))
);

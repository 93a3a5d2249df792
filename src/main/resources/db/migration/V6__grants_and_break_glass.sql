-- A document (or one version) shared by an entitled user with a named user, for a purpose, until an
-- expiry; revocable by the grantor or an ADMIN.
CREATE TABLE document_grant (
    id          UUID        PRIMARY KEY,
    document_id UUID        NOT NULL REFERENCES document (id),
    version_id  UUID        REFERENCES document_version (id),   -- NULL: every version
    grantor     TEXT        NOT NULL,
    grantee     TEXT        NOT NULL CHECK (grantee <> grantor),
    purpose     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL CHECK (expires_at > created_at),
    revoked_at  TIMESTAMPTZ,
    revoked_by  TEXT,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX document_grant_grantee_idx ON document_grant (grantee, document_id);
CREATE INDEX document_grant_grantor_idx ON document_grant (grantor);

-- Break-glass sessions: a clinical or legal user opened a record outside policy with a written
-- justification, for a limited time. Every use is flagged in the access log; AUDITORs review each
-- session and close it with a note.
CREATE TABLE break_glass (
    id            UUID        PRIMARY KEY,
    user_id       TEXT        NOT NULL,
    role          TEXT        NOT NULL,
    document_id   UUID        NOT NULL REFERENCES document (id),
    justification TEXT        NOT NULL,
    opened_at     TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL CHECK (expires_at > opened_at),
    reviewed_at   TIMESTAMPTZ,
    reviewed_by   TEXT,
    review_note   TEXT,
    CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL))
);
CREATE INDEX break_glass_user_idx ON break_glass (user_id, document_id, expires_at);
CREATE INDEX break_glass_pending_idx ON break_glass (opened_at) WHERE reviewed_at IS NULL;

-- The access log: one row per access decision, append-only (invariant 5).
-- The application role gets INSERT and SELECT only (SchemaMigrator); the triggers below reject
-- UPDATE, DELETE and TRUNCATE even for a role that holds those privileges by mistake.
-- Entries name subjects, documents and versions by id only, never by content.
CREATE TABLE access_log (
    sequence       BIGINT      PRIMARY KEY CHECK (sequence >= 0),  -- 0, 1, 2 … no gaps (see access_log_head)
    occurred_at    TIMESTAMPTZ NOT NULL,                          -- microsecond precision, UTC
    user_id        TEXT        NOT NULL,                          -- token subject
    role           TEXT        NOT NULL,                          -- role the decision was made for
    centre         TEXT,                                          -- centre the target belongs to, if any
    action         TEXT        NOT NULL,                          -- e.g. DOCUMENT_READ, SUBJECT_CREATE
    target_type    TEXT,                                          -- SUBJECT, DOCUMENT, VERSION, QUERY, LOG, KEY, GRANT …
    target_id      TEXT,                                          -- an id, never content
    purpose        TEXT,                                          -- purpose of use (TREATMENT, LEGAL_PROCEEDING …)
    justification  TEXT,                                          -- break-glass justification
    outcome        TEXT        NOT NULL CHECK (outcome IN ('ALLOWED', 'DENIED', 'FAILED')),
    rule           TEXT,                                          -- the policy rule that decided
    reason         TEXT,                                          -- why, in words
    break_glass    BOOLEAN     NOT NULL DEFAULT FALSE,
    client_address TEXT,
    request_id     TEXT,
    previous_hash  BYTEA       NOT NULL CHECK (octet_length(previous_hash) = 32), -- leaf hash of sequence-1
    leaf_hash      BYTEA       NOT NULL CHECK (octet_length(leaf_hash) = 32)      -- RFC 9162 leaf hash of this entry
);
CREATE INDEX access_log_user_idx    ON access_log (user_id, sequence);
CREATE INDEX access_log_target_idx  ON access_log (target_type, target_id, sequence);
CREATE INDEX access_log_time_idx    ON access_log (occurred_at);
CREATE INDEX access_log_bg_idx      ON access_log (sequence) WHERE break_glass;

-- The head of the log: the next sequence number and the last leaf hash. Writers lock this single row
-- (SELECT … FOR UPDATE) so sequence numbers are gap-free and totally ordered across threads and
-- across several application instances sharing the database.
CREATE TABLE access_log_head (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    next_sequence BIGINT   NOT NULL CHECK (next_sequence >= 0),
    last_hash     BYTEA    NOT NULL CHECK (octet_length(last_hash) = 32)
);
INSERT INTO access_log_head (id, next_sequence, last_hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

CREATE FUNCTION access_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_reject_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_reject_change();

-- Entries must arrive in order: each new row takes exactly the head's next sequence.
CREATE FUNCTION access_log_check_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head access_log_head%ROWTYPE;
BEGIN
    SELECT * INTO head FROM access_log_head WHERE id = 1;
    IF NEW.sequence <> head.next_sequence OR NEW.previous_hash <> head.last_hash THEN
        RAISE EXCEPTION 'access_log append out of order (sequence %, expected %)', NEW.sequence, head.next_sequence
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    UPDATE access_log_head SET next_sequence = NEW.sequence + 1, last_hash = NEW.leaf_hash WHERE id = 1;
    RETURN NEW;
END;
$$;
CREATE TRIGGER access_log_append BEFORE INSERT ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_check_append();

-- The head only moves forward, one entry at a time, and never disappears.
CREATE FUNCTION access_log_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.next_sequence <> OLD.next_sequence + 1 THEN
        RAISE EXCEPTION 'access_log_head only advances by one' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER access_log_head_forward BEFORE UPDATE OR DELETE ON access_log_head
    FOR EACH ROW EXECUTE FUNCTION access_log_head_guard();
CREATE TRIGGER access_log_head_no_truncate BEFORE TRUNCATE ON access_log_head
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_reject_change();

-- Signed checkpoints of the Merkle tree over the log (tree size, root hash, time, Ed25519 signature).
CREATE TABLE access_log_checkpoint (
    tree_size   BIGINT      PRIMARY KEY CHECK (tree_size >= 0),
    root_hash   BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    signed_at   TIMESTAMPTZ NOT NULL,
    note        TEXT        NOT NULL,     -- the signed checkpoint body, verbatim
    signature   BYTEA       NOT NULL      -- Ed25519 over note
);
CREATE TRIGGER access_log_checkpoint_no_update BEFORE UPDATE OR DELETE ON access_log_checkpoint
    FOR EACH ROW EXECUTE FUNCTION access_log_reject_change();
CREATE TRIGGER access_log_checkpoint_no_truncate BEFORE TRUNCATE ON access_log_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_reject_change();

-- Witness cosignatures (c2sp.org/tlog-cosignature, cosignature/v1) of the signed checkpoints: one
-- row per checkpoint and witness that co-signed it. Append-only like the checkpoints (V2's trigger
-- function); the application role gets INSERT and SELECT only (SchemaMigrator, AppendOnlyTables).
CREATE TABLE access_log_cosignature (
    tree_size       BIGINT      NOT NULL REFERENCES access_log_checkpoint (tree_size),
    witness_key     TEXT        NOT NULL,  -- the witness's verifier key, <name>+<key ID>+<base64>
    signature_line  TEXT        NOT NULL,  -- the cosignature line verbatim, "— <name> <base64>"
    received_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tree_size, witness_key)
);

CREATE TRIGGER access_log_cosignature_no_update BEFORE UPDATE OR DELETE ON access_log_cosignature
    FOR EACH ROW EXECUTE FUNCTION access_log_reject_change();
CREATE TRIGGER access_log_cosignature_no_truncate BEFORE TRUNCATE ON access_log_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_reject_change();

-- Re-sealing documents stored before per-document keys (docs/records.md, "Documents stored before
-- per-document keys"). Their title, metadata and content are sealed under the subject's data key;
-- to make them destroyable one by one, the vault re-seals them under a per-document key. Content rows
-- and version rows are immutable, so the one change allowed to them goes through a SECURITY DEFINER
-- function that refuses anything but a legacy document, and the immutability triggers let exactly
-- that function through (a transaction-local flag only a definer function can set with effect, because
-- the trigger also requires current_user to differ from session_user).

-- Re-sealed content is written here first, streaming, while the old rows are still being read.
CREATE TABLE content_reseal (
    version_id UUID    NOT NULL REFERENCES document_version (id),
    seq        INTEGER NOT NULL CHECK (seq >= 0),
    data       BYTEA   NOT NULL,
    PRIMARY KEY (version_id, seq)
);

CREATE FUNCTION reject_change_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'TRUNCATE'
       AND current_setting('zhusan.reseal', true) = 'on'
       AND current_user IS DISTINCT FROM session_user THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER document_version_immutable ON document_version;
CREATE TRIGGER document_version_immutable BEFORE UPDATE OR DELETE ON document_version
    FOR EACH ROW EXECUTE FUNCTION reject_change_content();
DROP TRIGGER content_chunk_immutable ON content_chunk;
CREATE TRIGGER content_chunk_immutable BEFORE UPDATE OR DELETE ON content_chunk
    FOR EACH ROW EXECUTE FUNCTION reject_change_content();

-- Replaces a legacy version's content rows with the re-sealed ones staged in content_reseal, and its
-- sealed columns with their re-sealed values. Refuses a version whose document is not legacy, and a
-- staged row count that does not match.
CREATE FUNCTION reseal_document_version(p_version UUID, p_digest BYTEA, p_ciphertext_bytes BIGINT,
                                        p_chunk_count INTEGER, p_file_name BYTEA, p_metadata BYTEA)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM document_version v JOIN document d ON d.id = v.document_id
                   WHERE v.id = p_version AND d.key_scheme = 'SUBJECT' AND d.destroyed_at IS NULL) THEN
        RAISE EXCEPTION 'only a version of a document still sealed under its subject''s key can be re-sealed'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (SELECT count(*) FROM content_reseal WHERE version_id = p_version) <> p_chunk_count THEN
        RAISE EXCEPTION 're-sealed content of version % is incomplete', p_version USING ERRCODE = 'data_exception';
    END IF;
    PERFORM set_config('zhusan.reseal', 'on', true);
    DELETE FROM content_chunk WHERE version_id = p_version;
    INSERT INTO content_chunk (version_id, seq, data)
        SELECT version_id, seq, data FROM content_reseal WHERE version_id = p_version;
    DELETE FROM content_reseal WHERE version_id = p_version;
    UPDATE document_version
       SET content_digest = p_digest, ciphertext_bytes = p_ciphertext_bytes, chunk_count = p_chunk_count,
           file_name_ct = p_file_name, metadata_ct = p_metadata
     WHERE id = p_version;
    PERFORM set_config('zhusan.reseal', 'off', true);
END;
$$;

-- Blind full-text search (docs/search.md). No plaintext term, stem or query is stored anywhere:
-- search_token holds keyed hashes of stems, search_query holds the query text encrypted.
--
-- Index rows are written in the upload's transaction, before Hibernate inserts the document_version
-- row at commit, so their foreign keys are checked at commit (DEFERRABLE INITIALLY DEFERRED), as for
-- content_chunk.

-- One row per (document version, distinct stem): the posting lists of the blind index.
CREATE TABLE search_token (
    version_id UUID    NOT NULL REFERENCES document_version (id) DEFERRABLE INITIALLY DEFERRED,
    token      BYTEA   NOT NULL CHECK (octet_length(token) = 16), -- first 16 bytes of HMAC-SHA256(search key, stem); purpose in search_index_state
    tf         INTEGER NOT NULL CHECK (tf > 0),                    -- occurrences of the stem in the version
    PRIMARY KEY (token, version_id) INCLUDE (tf)                   -- posting lists: index-only scans in queries
);
COMMENT ON TABLE search_token IS 'Blind search index: keyed HMAC tokens of word stems per document version (no plaintext)';
COMMENT ON COLUMN search_token.version_id IS 'The indexed document version';
COMMENT ON COLUMN search_token.token IS 'First 16 bytes of HMAC-SHA256 under the search subkey (blind-index key, purpose search.term.vN) of one stem';
COMMENT ON COLUMN search_token.tf IS 'How often the stem occurs in the version (the only ranking signal)';
CREATE INDEX search_token_version_idx ON search_token (version_id);  -- delete / re-index one version

-- Index state of each version: what re-indexing and the status endpoint need.
CREATE TABLE search_index_state (
    version_id    UUID        PRIMARY KEY REFERENCES document_version (id) DEFERRABLE INITIALLY DEFERRED,
    status        TEXT        NOT NULL CHECK (status IN ('INDEXED', 'NOT_INDEXED', 'FAILED')),
    token_purpose TEXT        CHECK (token_purpose ~ '^search\.term\.v[0-9]+$'),
    truncated     BOOLEAN     NOT NULL DEFAULT FALSE,
    indexed_at    TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'INDEXED') = (token_purpose IS NOT NULL))
);
COMMENT ON TABLE search_index_state IS 'Search index state per document version, written in the version''s transaction';
COMMENT ON COLUMN search_index_state.status IS 'INDEXED (tokens written), NOT_INDEXED (no text: extraction refused, failed or no OCR), FAILED (indexing itself failed; re-index)';
COMMENT ON COLUMN search_index_state.token_purpose IS 'Blind-token purpose (analyser generation) of the rows, e.g. search.term.v1; NULL unless INDEXED';
COMMENT ON COLUMN search_index_state.truncated IS 'The distinct-stem cap cut the index of this version short';
COMMENT ON COLUMN search_index_state.indexed_at IS 'When the tokens (or the state) were written';
CREATE INDEX search_index_state_purpose_idx ON search_index_state (status, token_purpose);

-- One row per search: what was searched, encrypted, for auditors. The access-log entry of the search
-- (action SEARCH, target type QUERY) carries this row's id as its target id.
CREATE TABLE search_query (
    id         UUID        PRIMARY KEY,
    user_id    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    key_purpose TEXT       NOT NULL CHECK (key_purpose ~ '^search\.query-audit\.v[0-9]+$'),
    query_ct   BYTEA       NOT NULL CHECK (octet_length(query_ct) >= 29)
);
COMMENT ON TABLE search_query IS 'Searches, with the query text encrypted for auditors (docs/search.md, "What an AUDITOR can see of a search")';
COMMENT ON COLUMN search_query.id IS 'Random query id; the target id of the search''s access-log entry';
COMMENT ON COLUMN search_query.user_id IS 'Who searched (as in the access log)';
COMMENT ON COLUMN search_query.created_at IS 'When';
COMMENT ON COLUMN search_query.key_purpose IS 'Derivation purpose of the encryption key (from the keystore''s blind-index key), e.g. search.query-audit.v1';
COMMENT ON COLUMN search_query.query_ct IS 'AES-256-GCM(query key, query text): 0x01 || 12-byte nonce || ciphertext || tag; associated data binds it to this row';
CREATE INDEX search_query_user_idx ON search_query (user_id, created_at);

-- Searches are history: like the access log they are not changed or removed by the application.
CREATE TRIGGER search_query_immutable BEFORE UPDATE OR DELETE ON search_query
    FOR EACH ROW EXECUTE FUNCTION reject_change_immutable();
CREATE TRIGGER search_query_no_truncate BEFORE TRUNCATE ON search_query
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change_immutable();

-- Blind-index key versions (docs/crypto.md §6, docs/operations.md): the keystore may hold several
-- blind-index keys (blind-index-v1, -v2, …; the highest is primary). Every row whose bytes depend on
-- one of them records which, so that lookups and searches work across versions during a rotation,
-- the rotation knows what is left to re-key, and start-up can refuse a keystore that lacks a
-- version the data still needs. Rows that existed before this migration were made with
-- blind-index-v1 (the only key there was), hence 1 for them; new rows must name their version
-- (no default afterwards, so a forgotten version fails loudly instead of being recorded wrong).

-- Subjects: both blind indexes of a row (full_name_bidx, iin_bidx) are always under one version.
ALTER TABLE subject ADD COLUMN bidx_key_version INTEGER NOT NULL DEFAULT 1 CHECK (bidx_key_version > 0);
ALTER TABLE subject ALTER COLUMN bidx_key_version DROP DEFAULT;
COMMENT ON COLUMN subject.bidx_key_version IS 'Blind-index key version (keystore alias blind-index-vN) under which full_name_bidx and iin_bidx were computed';
CREATE INDEX subject_bidx_key_version_idx ON subject (bidx_key_version);

-- Search: all tokens of one document version are under one key version (written in one
-- transaction), recorded with the version's index state; NULL when there are no tokens.
ALTER TABLE search_index_state ADD COLUMN bidx_key_version INTEGER CHECK (bidx_key_version > 0);
UPDATE search_index_state SET bidx_key_version = 1 WHERE status = 'INDEXED';
ALTER TABLE search_index_state ADD CONSTRAINT search_index_state_bidx_key_version_check_indexed
    CHECK ((status = 'INDEXED') = (bidx_key_version IS NOT NULL));
COMMENT ON COLUMN search_index_state.bidx_key_version IS 'Blind-index key version (blind-index-vN) of this version''s search_token rows; NULL unless INDEXED';
CREATE INDEX search_index_state_bidx_key_version_idx ON search_index_state (bidx_key_version);

-- Recorded searches: the query text is encrypted under a key derived from one blind-index key
-- version. The rows are immutable (trigger), so they are never re-encrypted: an old query stays
-- readable exactly as long as its key version stays in the keystore. (Adding a column with a
-- constant default rewrites no row, so the immutability trigger does not fire.)
ALTER TABLE search_query ADD COLUMN bidx_key_version INTEGER NOT NULL DEFAULT 1 CHECK (bidx_key_version > 0);
ALTER TABLE search_query ALTER COLUMN bidx_key_version DROP DEFAULT;
COMMENT ON COLUMN search_query.bidx_key_version IS 'Blind-index key version (blind-index-vN) the query key was derived from (with key_purpose)';
CREATE INDEX search_query_bidx_key_version_idx ON search_query (bidx_key_version);

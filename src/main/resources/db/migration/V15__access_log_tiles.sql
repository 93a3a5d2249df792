-- The access log's Merkle tree at scale (issue 21): what a checkpoint needs to continue from the last
-- one, and what a proof needs to read O(log n) rows instead of every leaf hash.

-- The compact range of each signed checkpoint: the hashes of the perfect subtrees that together cover
-- its tree_size leaves, left (largest) to right, concatenated (32 bytes each, bitcount(tree_size) of
-- them). The next checkpoint restores it, checks that it folds to the signed root, and hashes only the
-- entries appended since. Checkpoints signed before this migration have no row; the first checkpoint
-- after it hashes the whole log once.
CREATE TABLE access_log_tree_state (
    tree_size    BIGINT PRIMARY KEY REFERENCES access_log_checkpoint (tree_size),
    range_hashes BYTEA  NOT NULL CHECK (octet_length(range_hashes) % 32 = 0)
);

-- Perfect-subtree hashes ("tiles"): the node at level h and index i covers the leaves
-- [i * 2^h, (i + 1) * 2^h). Only every eighth level is stored (8, 16, 24 …; level 0 is access_log's
-- leaf_hash), about one row per 255 entries; any other node is folded from at most 128 nodes of the
-- stored level below it, so a proof reads about one 256-node run per stored level.
-- Written by the checkpoint that first covers the subtree, from entries it has just verified.
CREATE TABLE access_log_subtree (
    level SMALLINT NOT NULL CHECK (level > 0 AND level % 8 = 0),
    idx   BIGINT   NOT NULL CHECK (idx >= 0),
    hash  BYTEA    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- Both append-only like the rest of the log (V2's trigger function); the application role gets
-- INSERT and SELECT only (SchemaMigrator, AppendOnlyTables).
CREATE TRIGGER access_log_tree_state_no_update BEFORE UPDATE OR DELETE ON access_log_tree_state
    FOR EACH ROW EXECUTE FUNCTION access_log_reject_change();
CREATE TRIGGER access_log_tree_state_no_truncate BEFORE TRUNCATE ON access_log_tree_state
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_reject_change();
CREATE TRIGGER access_log_subtree_no_update BEFORE UPDATE OR DELETE ON access_log_subtree
    FOR EACH ROW EXECUTE FUNCTION access_log_reject_change();
CREATE TRIGGER access_log_subtree_no_truncate BEFORE TRUNCATE ON access_log_subtree
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_reject_change();

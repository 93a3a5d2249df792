package org.zhusan.vault.audit;

/**
 * A perfect subtree of the access log's Merkle tree as stored in {@code access_log_subtree}: height
 * {@code level} (a multiple of 8), covering entries {@code [index << level, (index + 1) << level)}.
 */
public record StoredSubtree(int level, long index, byte[] hash) {}

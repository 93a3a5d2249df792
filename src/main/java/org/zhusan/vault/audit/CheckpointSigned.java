package org.zhusan.vault.audit;

/**
 * Fired (CDI event) inside the transaction that stored a signed checkpoint; observers that must see
 * it committed observe {@code during = AFTER_SUCCESS}.
 *
 * @param treeSize the checkpoint's tree size
 */
public record CheckpointSigned(long treeSize) {}

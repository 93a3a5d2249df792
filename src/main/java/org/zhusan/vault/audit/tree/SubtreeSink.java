package org.zhusan.vault.audit.tree;

/**
 * Receives the perfect subtrees a {@link CompactRange} completes while leaves are appended, so a
 * server can store some of them (the tiles {@link TiledTree} reads) without a second pass.
 */
@FunctionalInterface
public interface SubtreeSink {

  /** A sink that keeps nothing. */
  SubtreeSink NONE = (level, index, hash) -> {};

  /**
   * Called once for each perfect subtree of height {@code level >= 1} as it is completed: the
   * subtree covering leaves {@code [index << level, (index + 1) << level)}.
   *
   * @param hash its Merkle tree hash (the caller's copy; keep it)
   */
  void completed(int level, long index, byte[] hash);
}

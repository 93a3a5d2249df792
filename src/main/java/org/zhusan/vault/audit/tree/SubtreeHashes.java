package org.zhusan.vault.audit.tree;

import java.util.Objects;

/**
 * The Merkle tree hash of any run of a log's leaves, {@code MTH(D[begin:end])}: what proof builders
 * ask for. {@link #of(LogHasher, LeafSource)} computes it from the leaves (O(end - begin) hashes);
 * {@link TiledTree} from stored perfect-subtree hashes (O(log n) reads).
 */
@FunctionalInterface
public interface SubtreeHashes {

  /**
   * Returns {@code MTH(D[begin:end])}, the empty root when {@code begin == end}.
   *
   * @param begin first leaf index, {@code 0 <= begin <= end}
   * @param end one past the last leaf index, within the tree the source serves
   */
  byte[] hash(long begin, long end);

  /** Hashes every leaf of each range, read from {@code leaves}. */
  static SubtreeHashes of(LogHasher hasher, LeafSource leaves) {
    MerkleTree tree = new MerkleTree(Objects.requireNonNull(hasher, "hasher is required."));
    Objects.requireNonNull(leaves, "leaves is required.");
    return (begin, end) -> tree.subtreeHash(leaves, begin, end);
  }
}

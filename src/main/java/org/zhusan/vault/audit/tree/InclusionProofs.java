package org.zhusan.vault.audit.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Builds RFC 9162 §2.1.3.1 inclusion proofs (audit paths) from a log's leaf hashes.
 *
 * <pre>
 *   PATH(m, {d(0)}) = {}
 *   PATH(m, D[n])   = PATH(m, D[0:k]) : MTH(D[k:n])      if m &lt; k
 *                   = PATH(m - k, D[k:n]) : MTH(D[0:k])  if m &gt;= k      (k = largest power of 2 &lt; n)
 * </pre>
 *
 * <p>The proof lists sibling hashes from the leaf's level upwards, which is the order {@link
 * ProofVerifier#verifyInclusion} expects. Building reads every leaf of the tree except the proven
 * one exactly once (O(n) leaf reads and hashes, O(log n) memory); a server proving against a large
 * log builds over a {@link TiledTree} instead, which reads O(log n) stored subtree hashes.
 *
 * <p>Thread safety: immutable; safe for concurrent use if the leaf source is.
 */
public final class InclusionProofs {

  private final SubtreeHashes subtrees;

  /**
   * Creates a builder over {@code leaves}, hashing with {@code hasher}.
   *
   * @param leaves must serve every index below the tree sizes later asked for
   */
  public InclusionProofs(LogHasher hasher, LeafSource leaves) {
    this(SubtreeHashes.of(hasher, leaves));
  }

  /**
   * Creates a builder over {@code subtrees} (a {@link TiledTree} on the server: O(log n) reads per
   * proof).
   */
  public InclusionProofs(SubtreeHashes subtrees) {
    this.subtrees = Objects.requireNonNull(subtrees, "subtrees is required.");
  }

  /**
   * Returns the inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves.
   *
   * @param index the leaf index, {@code 0 <= index < size}
   * @param size the tree size
   * @return the sibling hashes, bottom to top (empty for a one-leaf tree); a new list the caller
   *     owns
   * @throws IllegalArgumentException if {@code index} is not within the tree
   */
  public List<byte[]> inclusionProof(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf index " + index + " is not in a tree of size " + size);
    }
    // Walk from the root down to the leaf, collecting siblings top-down, then reverse.
    List<byte[]> path = new ArrayList<>(64);
    long begin = 0;
    long end = size;
    long m = index;
    while (end - begin > 1) {
      long k = MerkleTree.splitPoint(end - begin);
      if (m < k) {
        path.add(subtrees.hash(begin + k, end));
        end = begin + k;
      } else {
        path.add(subtrees.hash(begin, begin + k));
        begin += k;
        m -= k;
      }
    }
    Collections.reverse(path);
    return path;
  }
}

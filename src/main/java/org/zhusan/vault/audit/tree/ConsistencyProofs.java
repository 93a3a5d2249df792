package org.zhusan.vault.audit.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds RFC 9162 §2.1.4.1 consistency proofs: evidence that the tree of the first {@code size1}
 * leaves is a prefix of the tree of the first {@code size2} leaves.
 *
 * <pre>
 *   PROOF(m, D[n])              = SUBPROOF(m, D[n], true)
 *   SUBPROOF(m, D[m], true)     = {}
 *   SUBPROOF(m, D[m], false)    = {MTH(D[m])}
 *   SUBPROOF(m, D[n], b)        = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])          if m &lt;= k
 *                               = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])  if m &gt; k
 * </pre>
 *
 * <p>Building reads O(size2) leaves with O(log size2) memory; see {@link InclusionProofs} for the
 * caching advice.
 *
 * <p>Thread safety: immutable; safe for concurrent use if the leaf source is.
 */
public final class ConsistencyProofs {

  private final SubtreeHashes subtrees;

  /**
   * Creates a builder over {@code leaves}, hashing with {@code hasher}.
   *
   * @param leaves must serve every index below the tree sizes later asked for
   */
  public ConsistencyProofs(LogHasher hasher, LeafSource leaves) {
    this(SubtreeHashes.of(hasher, leaves));
  }

  /**
   * Creates a builder over {@code subtrees} (a {@link TiledTree} on the server: O(log n) reads per
   * proof).
   */
  public ConsistencyProofs(SubtreeHashes subtrees) {
    this.subtrees = Objects.requireNonNull(subtrees, "subtrees is required.");
  }

  /**
   * Returns the consistency proof between the trees of sizes {@code size1} and {@code size2}.
   *
   * <p>The proof is empty when {@code size1 == size2} or {@code size1 == 0} (every tree extends the
   * empty tree; {@link ProofVerifier#verifyConsistency} accepts those with an empty proof).
   *
   * @param size1 the earlier size, {@code 0 <= size1 <= size2}
   * @param size2 the later size
   * @return the proof hashes in RFC 9162 order; a new list the caller owns
   * @throws IllegalArgumentException if the sizes are out of order or negative
   */
  public List<byte[]> consistencyProof(long size1, long size2) {
    if (size1 < 0 || size2 < size1) {
      throw new IllegalArgumentException("need 0 <= size1 <= size2, got " + size1 + ", " + size2);
    }
    List<byte[]> proof = new ArrayList<>(64);
    if (size1 == 0 || size1 == size2) {
      return proof;
    }
    subproof(size1, 0, size2, true, proof);
    return proof;
  }

  // Appends SUBPROOF(m, D[begin:end], complete) to out; recursion depth is at most 63.
  private void subproof(long m, long begin, long end, boolean complete, List<byte[]> out) {
    long n = end - begin;
    if (m == n) {
      if (!complete) {
        out.add(subtrees.hash(begin, end));
      }
      return;
    }
    long k = MerkleTree.splitPoint(n);
    if (m <= k) {
      subproof(m, begin, begin + k, complete, out);
      out.add(subtrees.hash(begin + k, end));
    } else {
      subproof(m - k, begin + k, end, false, out);
      out.add(subtrees.hash(begin, begin + k));
    }
  }
}

package org.zhusan.vault.audit.tree;

import java.util.List;
import java.util.Objects;

/**
 * Merkle tree hash computations over a sequence of leaf hashes, as defined by RFC 9162 §2.1.1:
 *
 * <pre>
 *   MTH({})       = HASH()
 *   MTH({d(0)})   = leaf hash of d(0)
 *   MTH(D[n])     = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n]))   where k is the largest power of two &lt; n
 * </pre>
 *
 * <p>Here the leaves are given by their <em>hashes</em> (an access-log entry's leaf hash is
 * computed by {@link AuditEntryEncoding#leafHash(AuditEntry)}). All computations stream through a
 * {@link CompactRange}: O(n) hashes, O(log n) memory, each leaf read once in ascending order.
 *
 * <p>Thread safety: immutable and safe for concurrent use if its hasher is (as {@link
 * Rfc9162Hasher} is).
 */
public final class MerkleTree {

  private static final MerkleTree RFC9162 = new MerkleTree(Rfc9162Hasher.sha256());

  private final LogHasher hasher;

  /** Creates a tree calculator hashing with {@code hasher}. */
  public MerkleTree(LogHasher hasher) {
    this.hasher = Objects.requireNonNull(hasher, "hasher is required.");
  }

  /** Returns the calculator for RFC 9162 SHA-256 trees. */
  public static MerkleTree rfc9162() {
    return RFC9162;
  }

  /** Returns the hasher this calculator uses. */
  public LogHasher hasher() {
    return hasher;
  }

  /** Returns a new, empty incremental builder using this calculator's hasher. */
  public CompactRange newCompactRange() {
    return new CompactRange(hasher);
  }

  /**
   * Returns {@code MTH} of all of {@code leafHashes}.
   *
   * @param leafHashes the leaf hashes in log order, each {@code hasher().size()} bytes
   */
  public byte[] rootHash(List<byte[]> leafHashes) {
    Objects.requireNonNull(leafHashes, "leafHashes is required.");
    CompactRange range = newCompactRange();
    for (byte[] leafHash : leafHashes) {
      range.append(leafHash);
    }
    return range.rootHash();
  }

  /**
   * Returns {@code MTH(D[0:size])}, the root hash of the first {@code size} leaves of {@code
   * leaves}.
   *
   * @param size {@code >= 0}; leaves {@code 0 … size-1} must exist in {@code leaves}
   */
  public byte[] rootHash(LeafSource leaves, long size) {
    return subtreeHash(leaves, 0, size);
  }

  /**
   * Returns {@code MTH(D[begin:end])}: the Merkle tree hash of the leaves {@code begin … end-1}
   * taken as a list of their own (the empty root when {@code begin == end}).
   *
   * @param begin first leaf index, {@code 0 <= begin <= end}
   * @param end one past the last leaf index
   */
  public byte[] subtreeHash(LeafSource leaves, long begin, long end) {
    Objects.requireNonNull(leaves, "leaves is required.");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "need 0 <= begin <= end, got [" + begin + ", " + end + ")");
    }
    CompactRange range = newCompactRange();
    for (long i = begin; i < end; i++) {
      range.append(leaves.leafHash(i));
    }
    return range.rootHash();
  }

  /**
   * Returns the {@code k} of RFC 9162: the largest power of two strictly smaller than {@code n}.
   *
   * @param n {@code >= 2}
   */
  static long splitPoint(long n) {
    if (n < 2) {
      throw new IllegalArgumentException("need n >= 2, got " + n);
    }
    return Long.highestOneBit(n - 1);
  }
}

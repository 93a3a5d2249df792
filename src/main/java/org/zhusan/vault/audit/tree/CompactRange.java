package org.zhusan.vault.audit.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An incremental Merkle tree builder: the compact range {@code [0, size)} of a log, i.e. the root
 * hashes of the perfect subtrees that together cover the first {@code size} leaves.
 *
 * <p>For a size with binary representation {@code 2^a + 2^b + …} (a &gt; b &gt; …) it holds exactly
 * {@code Long.bitCount(size)} hashes, left to right: the subtree of the first {@code 2^a} leaves,
 * then of the next {@code 2^b}, and so on. Appending a leaf merges equal-sized neighbours, like
 * carrying in binary addition. The RFC 9162 root of the first {@code size} leaves is these hashes
 * folded from the right ({@link #rootHash()}). Memory is O(log size) and each append costs
 * amortised O(1) hashes, so the root of millions of entries can be computed while streaming them
 * (see transparency-dev/merkle {@code docs/compact_ranges.md}).
 *
 * <p>The server may persist {@link #size()} and {@link #hashes()} and continue later with {@link
 * #restore(LogHasher, long, List)}, so appending never needs to re-read old entries.
 *
 * <p>Thread safety: mutable and not thread-safe; confine an instance to one thread or guard it.
 */
public final class CompactRange {

  private final LogHasher hasher;
  private final ArrayList<byte[]> hashes;
  private long size;

  /** Creates an empty range (size 0) hashing with {@code hasher}. */
  public CompactRange(LogHasher hasher) {
    this.hasher = Objects.requireNonNull(hasher, "hasher is required.");
    this.hashes = new ArrayList<>(64);
    this.size = 0;
  }

  /**
   * Re-creates the range {@code [0, size)} from its perfect subtree hashes, as previously returned
   * by {@link #hashes()}.
   *
   * @param size the number of leaves covered, {@code >= 0}
   * @param hashes exactly {@code Long.bitCount(size)} hashes of {@code hasher.size()} bytes, left
   *     to right (copied)
   * @throws IllegalArgumentException if the number or length of hashes does not fit {@code size}
   */
  public static CompactRange restore(LogHasher hasher, long size, List<byte[]> hashes) {
    Objects.requireNonNull(hashes, "hashes is required.");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    if (hashes.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException(
          "a compact range of size "
              + size
              + " has "
              + Long.bitCount(size)
              + " hashes, got "
              + hashes.size());
    }
    CompactRange range = new CompactRange(hasher);
    for (byte[] hash : hashes) {
      range.hashes.add(range.checkedCopy(hash, "hash"));
    }
    range.size = size;
    return range;
  }

  /**
   * Appends the next leaf.
   *
   * @param leafHash the leaf's hash ({@code hasher.size()} bytes; copied)
   * @throws IllegalArgumentException if the hash has the wrong length
   * @throws IllegalStateException if the range already covers {@code Long.MAX_VALUE} leaves
   */
  public void append(byte[] leafHash) {
    append(leafHash, SubtreeSink.NONE);
  }

  /**
   * Appends the next leaf and tells {@code sink} of every perfect subtree (height {@code >= 1}) it
   * completes, smallest first.
   *
   * @see #append(byte[])
   */
  public void append(byte[] leafHash, SubtreeSink sink) {
    Objects.requireNonNull(sink, "sink is required.");
    byte[] hash = checkedCopy(leafHash, "leafHash");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("compact range is full");
    }
    // Each trailing 1 bit of size is a perfect subtree of the new leaf's height: merge with it.
    int level = 0;
    for (long s = size; (s & 1) == 1; s >>>= 1) {
      hash = hasher.hashChildren(hashes.remove(hashes.size() - 1), hash);
      level++;
      sink.completed(level, size >>> level, hash.clone());
    }
    hashes.add(hash);
    size++;
  }

  /** Returns the number of leaves appended (or restored) so far. */
  public long size() {
    return size;
  }

  /**
   * Returns the RFC 9162 Merkle tree hash of the first {@link #size()} leaves ({@code
   * MTH(D[0:size])}); the empty root when no leaf was appended. Costs {@code bitCount(size) - 1}
   * node hashes.
   */
  public byte[] rootHash() {
    if (hashes.isEmpty()) {
      return hasher.emptyRoot();
    }
    byte[] root = hashes.get(hashes.size() - 1).clone();
    for (int i = hashes.size() - 2; i >= 0; i--) {
      root = hasher.hashChildren(hashes.get(i), root);
    }
    return root;
  }

  /** Returns copies of the perfect subtree hashes, left (largest) to right (smallest). */
  public List<byte[]> hashes() {
    List<byte[]> copy = new ArrayList<>(hashes.size());
    for (byte[] hash : hashes) {
      copy.add(hash.clone());
    }
    return copy;
  }

  @Override
  public String toString() {
    return "CompactRange[size=" + size + "]";
  }

  private byte[] checkedCopy(byte[] hash, String name) {
    Objects.requireNonNull(hash, name + " is required.");
    if (hash.length != hasher.size()) {
      throw new IllegalArgumentException(
          name + " must be " + hasher.size() + " bytes, got " + hash.length);
    }
    return hash.clone();
  }
}

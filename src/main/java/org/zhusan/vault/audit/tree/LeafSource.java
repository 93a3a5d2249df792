package org.zhusan.vault.audit.tree;

import java.util.List;
import java.util.Objects;

/**
 * Random access to the leaf hashes of a log, by leaf index (= entry sequence number).
 *
 * <p>The server implements it over its database so that proofs can be built without loading the
 * whole log; tests implement it over a list. Proof builders call {@link #leafHash(long)} for
 * indices in {@code [0, size)} of the tree they are asked about, mostly in ascending runs.
 *
 * <p>Implementations decide their own thread safety; the builders in this package call a source
 * from the calling thread only.
 */
@FunctionalInterface
public interface LeafSource {

  /**
   * Returns the leaf hash at {@code index}.
   *
   * @param index a leaf index, {@code 0 <= index < } the size of the tree being worked on
   * @return the leaf hash, never null; the caller does not modify it
   */
  byte[] leafHash(long index);

  /**
   * Returns a source reading from {@code leafHashes} (not copied: the list must not change while
   * the source is in use).
   */
  static LeafSource of(List<byte[]> leafHashes) {
    Objects.requireNonNull(leafHashes, "leafHashes is required.");
    return index -> {
      if (index < 0 || index >= leafHashes.size()) {
        throw new IndexOutOfBoundsException(
            "leaf index " + index + " outside [0, " + leafHashes.size() + ")");
      }
      return leafHashes.get((int) index);
    };
  }
}

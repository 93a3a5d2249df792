package org.zhusan.vault.audit.tree;

import java.util.List;

/**
 * The recursive RFC 9162 §2.1.1 definition, written as plainly as possible to check the fast code.
 */
final class ReferenceMth {

  private ReferenceMth() {}

  static byte[] mth(LogHasher hasher, List<byte[]> leafHashes) {
    int n = leafHashes.size();
    if (n == 0) {
      return hasher.emptyRoot();
    }
    if (n == 1) {
      return leafHashes.get(0);
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return hasher.hashChildren(
        mth(hasher, leafHashes.subList(0, k)), mth(hasher, leafHashes.subList(k, n)));
  }
}

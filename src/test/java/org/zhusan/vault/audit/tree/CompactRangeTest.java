package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {

  private final LogHasher hasher = Rfc9162Hasher.sha256();

  @Test
  void rootOfEachPrefixMatchesTheReferenceRoots() {
    CompactRange range = new CompactRange(hasher);
    assertArrayEquals(hasher.emptyRoot(), range.rootHash());
    List<byte[]> leaves = Rfc6962TestVectors.leafHashes();
    for (int n = 1; n <= leaves.size(); n++) {
      range.append(leaves.get(n - 1));
      assertEquals(n, range.size());
      assertEquals(Long.bitCount(n), range.hashes().size());
      assertArrayEquals(Rfc6962TestVectors.ROOTS.get(n - 1), range.rootHash(), "root of size " + n);
    }
  }

  @Test
  void tellsTheSinkOfEveryPerfectSubtreeItCompletesWithItsHash() {
    List<byte[]> leaves = randomLeaves(300);
    CompactRange range = new CompactRange(hasher);
    List<long[]> seen = new ArrayList<>();
    MerkleTree tree = new MerkleTree(hasher);
    for (byte[] leaf : leaves) {
      range.append(
          leaf,
          (level, index, hash) -> {
            seen.add(new long[] {level, index});
            assertArrayEquals(
                tree.subtreeHash(LeafSource.of(leaves), index << level, (index + 1) << level),
                hash,
                "subtree " + level + "/" + index);
          });
    }
    // A tree of n leaves has n - 1 interior nodes; those not yet completed are on the right edge.
    assertEquals(300 - Long.bitCount(300), seen.size());
    assertEquals(1 + 2 + 4 + 9 + 18 + 37 + 75 + 150, seen.size());
  }

  @Test
  void matchesTheRecursiveDefinitionForManySizes() {
    List<byte[]> leaves = randomLeaves(300);
    CompactRange range = new CompactRange(hasher);
    for (int n = 1; n <= leaves.size(); n++) {
      range.append(leaves.get(n - 1));
      assertArrayEquals(
          ReferenceMth.mth(hasher, leaves.subList(0, n)), range.rootHash(), "size " + n);
    }
  }

  @Test
  void restoredRangeContinuesLikeTheOriginal() {
    List<byte[]> leaves = randomLeaves(77);
    CompactRange original = new CompactRange(hasher);
    for (int i = 0; i < 45; i++) {
      original.append(leaves.get(i));
    }
    CompactRange restored = CompactRange.restore(hasher, original.size(), original.hashes());
    for (int i = 45; i < leaves.size(); i++) {
      original.append(leaves.get(i));
      restored.append(leaves.get(i));
    }
    assertArrayEquals(original.rootHash(), restored.rootHash());
    assertArrayEquals(ReferenceMth.mth(hasher, leaves), restored.rootHash());
  }

  @Test
  void restoreRejectsWrongNumberOfHashes() {
    List<byte[]> two = List.of(new byte[32], new byte[32]);
    assertThrows(IllegalArgumentException.class, () -> CompactRange.restore(hasher, 4, two));
    assertThrows(IllegalArgumentException.class, () -> CompactRange.restore(hasher, -1, List.of()));
  }

  @Test
  void appendRejectsHashOfWrongLength() {
    CompactRange range = new CompactRange(hasher);
    assertThrows(IllegalArgumentException.class, () -> range.append(new byte[31]));
    assertThrows(NullPointerException.class, () -> range.append(null));
  }

  static List<byte[]> randomLeaves(int n) {
    java.util.Random random = new java.util.Random(n);
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[random.nextInt(20)];
      random.nextBytes(data);
      leaves.add(Rfc9162Hasher.sha256().hashLeaf(data));
    }
    return leaves;
  }
}

package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private final MerkleTree tree = MerkleTree.rfc9162();

  @Test
  void rootOfTheReferenceTreeMatchesForEverySize() {
    List<byte[]> leaves = Rfc6962TestVectors.leafHashes();
    for (int n = 1; n <= 8; n++) {
      assertArrayEquals(Rfc6962TestVectors.ROOTS.get(n - 1), tree.rootHash(leaves.subList(0, n)));
      assertArrayEquals(
          Rfc6962TestVectors.ROOTS.get(n - 1), tree.rootHash(LeafSource.of(leaves), n));
    }
  }

  @Test
  void emptyTreeHasTheEmptyRoot() {
    assertArrayEquals(Rfc9162Hasher.sha256().emptyRoot(), tree.rootHash(List.of()));
  }

  @Test
  void subtreeHashIsTheRootOfTheSublist() {
    List<byte[]> leaves = CompactRangeTest.randomLeaves(40);
    for (int begin = 0; begin <= 40; begin += 7) {
      for (int end = begin; end <= 40; end += 5) {
        assertArrayEquals(
            ReferenceMth.mth(Rfc9162Hasher.sha256(), leaves.subList(begin, end)),
            tree.subtreeHash(LeafSource.of(leaves), begin, end));
      }
    }
  }

  @Test
  void subtreeHashRejectsReversedRange() {
    assertThrows(IllegalArgumentException.class, () -> tree.subtreeHash(i -> new byte[32], 3, 2));
  }

  @Test
  void splitPointIsLargestPowerOfTwoBelow() {
    assertEquals(1, MerkleTree.splitPoint(2));
    assertEquals(2, MerkleTree.splitPoint(3));
    assertEquals(2, MerkleTree.splitPoint(4));
    assertEquals(4, MerkleTree.splitPoint(5));
    assertEquals(1L << 62, MerkleTree.splitPoint(Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.splitPoint(1));
  }
}

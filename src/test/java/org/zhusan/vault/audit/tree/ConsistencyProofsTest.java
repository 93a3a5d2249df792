package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyProofsTest {

  private final ConsistencyProofs proofs =
      new ConsistencyProofs(Rfc9162Hasher.sha256(), LeafSource.of(Rfc6962TestVectors.leafHashes()));

  @Test
  void buildsTheReferenceConsistencyProofs() {
    for (Rfc6962TestVectors.Consistency vector : Rfc6962TestVectors.CONSISTENCY) {
      List<byte[]> proof = proofs.consistencyProof(vector.size1(), vector.size2());
      assertEquals(vector.proof().size(), proof.size(), "length for " + vector);
      for (int i = 0; i < proof.size(); i++) {
        assertArrayEquals(vector.proof().get(i), proof.get(i), "element " + i + " of " + vector);
      }
    }
  }

  @Test
  void proofFromEmptyOrSameSizeIsEmpty() {
    assertTrue(proofs.consistencyProof(0, 8).isEmpty());
    assertTrue(proofs.consistencyProof(5, 5).isEmpty());
  }

  @Test
  void proofLengthFollowsTheTreeShape() {
    // Sizes 5 -> 7: nodes e, f, j, k of the tree drawn in transparency-dev/merkle
    // proof/proof_test.go.
    assertEquals(4, proofs.consistencyProof(5, 7).size());
    // Sizes 4 -> 7: j, i rehashed into l, so one node here: MTH(D[4:7]).
    assertEquals(1, proofs.consistencyProof(4, 7).size());
  }

  @Test
  void rejectsSizesOutOfOrder() {
    assertThrows(IllegalArgumentException.class, () -> proofs.consistencyProof(5, 4));
    assertThrows(IllegalArgumentException.class, () -> proofs.consistencyProof(-1, 4));
  }
}

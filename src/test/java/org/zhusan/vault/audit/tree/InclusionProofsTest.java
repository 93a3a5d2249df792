package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class InclusionProofsTest {

  private final InclusionProofs proofs =
      new InclusionProofs(Rfc9162Hasher.sha256(), LeafSource.of(Rfc6962TestVectors.leafHashes()));

  @Test
  void buildsTheReferenceInclusionProofs() {
    for (Rfc6962TestVectors.Inclusion vector : Rfc6962TestVectors.INCLUSION) {
      List<byte[]> proof = proofs.inclusionProof(vector.index(), vector.size());
      assertEquals(vector.proof().size(), proof.size(), "length for " + vector);
      for (int i = 0; i < proof.size(); i++) {
        assertArrayEquals(vector.proof().get(i), proof.get(i), "element " + i + " of " + vector);
      }
    }
  }

  @Test
  void proofLengthFollowsTheTreeShape() {
    // Size 7, see the tree drawn in transparency-dev/merkle proof/proof_test.go.
    assertEquals(3, proofs.inclusionProof(0, 7).size());
    assertEquals(2, proofs.inclusionProof(6, 7).size());
    assertEquals(0, proofs.inclusionProof(0, 1).size());
  }

  @Test
  void rejectsIndexOutsideTheTree() {
    assertThrows(IllegalArgumentException.class, () -> proofs.inclusionProof(0, 0));
    assertThrows(IllegalArgumentException.class, () -> proofs.inclusionProof(7, 7));
    assertThrows(IllegalArgumentException.class, () -> proofs.inclusionProof(-1, 7));
  }
}

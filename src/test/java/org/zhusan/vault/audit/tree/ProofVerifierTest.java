package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ProofVerifierTest {

  private static final byte[] SOME_HASH =
      Rfc6962TestVectors.hex("abacaba000000000000000000000000000000000000000000060061e00123456");

  private final LogHasher hasher = Rfc9162Hasher.sha256();
  private final ProofVerifier verifier = ProofVerifier.rfc9162();

  @Test
  void acceptsTheReferenceInclusionProofs() throws Exception {
    List<byte[]> leaves = Rfc6962TestVectors.leafHashes();
    for (Rfc6962TestVectors.Inclusion v : Rfc6962TestVectors.INCLUSION) {
      byte[] root = Rfc6962TestVectors.ROOTS.get((int) v.size() - 1);
      byte[] leaf = leaves.get((int) v.index());
      assertArrayEquals(
          root, verifier.rootFromInclusionProof(v.index(), v.size(), leaf, v.proof()));
      verifier.verifyInclusion(v.index(), v.size(), leaf, v.proof(), root);
    }
  }

  @Test
  void rejectsEveryCorruptionOfTheReferenceInclusionProofs() {
    List<byte[]> leaves = Rfc6962TestVectors.leafHashes();
    for (Rfc6962TestVectors.Inclusion v : Rfc6962TestVectors.INCLUSION) {
      byte[] root = Rfc6962TestVectors.ROOTS.get((int) v.size() - 1);
      byte[] leaf = leaves.get((int) v.index());
      corruptInclusion(v.index(), v.size(), leaf, v.proof(), root)
          .forEach(
              (what, probe) -> assertThrows(InvalidProofException.class, probe, what + " of " + v));
    }
  }

  @Test
  void acceptsTheReferenceConsistencyProofs() throws Exception {
    for (Rfc6962TestVectors.Consistency v : Rfc6962TestVectors.CONSISTENCY) {
      byte[] root1 = Rfc6962TestVectors.ROOTS.get((int) v.size1() - 1);
      byte[] root2 = Rfc6962TestVectors.ROOTS.get((int) v.size2() - 1);
      verifier.verifyConsistency(v.size1(), v.size2(), root1, root2, v.proof());
    }
  }

  @Test
  void rejectsEveryCorruptionOfTheReferenceConsistencyProofs() {
    for (Rfc6962TestVectors.Consistency v : Rfc6962TestVectors.CONSISTENCY) {
      if (v.proof().isEmpty()) {
        continue;
      }
      byte[] root1 = Rfc6962TestVectors.ROOTS.get((int) v.size1() - 1);
      byte[] root2 = Rfc6962TestVectors.ROOTS.get((int) v.size2() - 1);
      corruptConsistency(v.size1(), v.size2(), root1, root2, v.proof())
          .forEach(
              (what, probe) -> assertThrows(InvalidProofException.class, probe, what + " of " + v));
    }
  }

  @Test
  void singleLeafTreeHasEmptyProofAndLeafAsRoot() {
    byte[] leaf = hasher.hashLeaf("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertDoesNotThrow(() -> verifier.verifyInclusion(0, 1, leaf, List.of(), leaf));
    assertThrows(
        InvalidProofException.class,
        () -> verifier.verifyInclusion(0, 1, leaf, List.of(), SOME_HASH));
    assertThrows(
        InvalidProofException.class,
        () -> verifier.verifyInclusion(0, 1, new byte[0], List.of(), leaf));
  }

  @Test
  void rejectsIndexOutsideTheTree() {
    for (long[] p : new long[][] {{0, 0}, {1, 0}, {2, 1}, {-1, 3}}) {
      assertThrows(
          InvalidProofException.class,
          () -> verifier.verifyInclusion(p[0], p[1], SOME_HASH, List.of(), hasher.emptyRoot()));
    }
  }

  @Test
  void consistencyEdgeCases() {
    byte[] empty = hasher.emptyRoot();
    // Equal sizes: roots must match and the proof must be empty.
    assertDoesNotThrow(() -> verifier.verifyConsistency(3, 3, SOME_HASH, SOME_HASH, List.of()));
    assertThrows(
        InvalidProofException.class,
        () -> verifier.verifyConsistency(3, 3, SOME_HASH, empty, List.of()));
    assertThrows(
        InvalidProofException.class,
        () -> verifier.verifyConsistency(3, 3, SOME_HASH, SOME_HASH, List.of(empty)));
    // From the empty tree: empty proof, empty root1.
    assertDoesNotThrow(() -> verifier.verifyConsistency(0, 5, empty, SOME_HASH, List.of()));
    assertThrows(
        InvalidProofException.class,
        () -> verifier.verifyConsistency(0, 5, SOME_HASH, SOME_HASH, List.of()));
    assertThrows(
        InvalidProofException.class,
        () -> verifier.verifyConsistency(0, 5, empty, SOME_HASH, List.of(empty)));
    // Time travel and empty proofs.
    assertThrows(
        InvalidProofException.class,
        () -> verifier.verifyConsistency(2, 1, SOME_HASH, SOME_HASH, List.of()));
    assertThrows(
        InvalidProofException.class,
        () -> verifier.verifyConsistency(1, 2, SOME_HASH, empty, List.of()));
  }

  @Test
  void everyInclusionProofOfTreesUpTo64LeavesVerifiesAndMutationsFail() throws Exception {
    Random random = new Random(64);
    List<byte[]> leaves = CompactRangeTest.randomLeaves(64);
    InclusionProofs builder = new InclusionProofs(hasher, LeafSource.of(leaves));
    MerkleTree tree = MerkleTree.rfc9162();
    for (int n = 1; n <= 64; n++) {
      int size = n;
      byte[] root = tree.rootHash(leaves.subList(0, size));
      for (int i0 = 0; i0 < size; i0++) {
        int index = i0;
        List<byte[]> proof = builder.inclusionProof(index, size);
        byte[] leaf = leaves.get(index);
        verifier.verifyInclusion(index, size, leaf, proof, root);

        String at = "index " + index + " size " + size;
        assertThrows(
            InvalidProofException.class,
            () -> verifier.verifyInclusion(index, size, flipBit(leaf, random), proof, root),
            at);
        assertThrows(
            InvalidProofException.class,
            () -> verifier.verifyInclusion(index, size, leaf, proof, flipBit(root, random)),
            at);
        if (!proof.isEmpty()) {
          List<byte[]> mutated = new ArrayList<>(proof);
          int i = random.nextInt(proof.size());
          mutated.set(i, flipBit(proof.get(i), random));
          assertThrows(
              InvalidProofException.class,
              () -> verifier.verifyInclusion(index, size, leaf, mutated, root),
              at);
        }
        if (size > 1) {
          int other = (index + 1 + random.nextInt(size - 1)) % size;
          assertThrows(
              InvalidProofException.class,
              () -> verifier.verifyInclusion(other, size, leaf, proof, root),
              at);
        }
      }
    }
  }

  @Test
  void everyConsistencyProofOfTreesUpTo64LeavesVerifiesAndMutationsFail() throws Exception {
    Random random = new Random(6464);
    List<byte[]> leaves = CompactRangeTest.randomLeaves(64);
    ConsistencyProofs builder = new ConsistencyProofs(hasher, LeafSource.of(leaves));
    List<byte[]> roots = new ArrayList<>();
    CompactRange range = new CompactRange(hasher);
    roots.add(range.rootHash());
    for (byte[] leaf : leaves) {
      range.append(leaf);
      roots.add(range.rootHash());
    }
    for (int size1 = 1; size1 <= 64; size1++) {
      for (int size2 = size1; size2 <= 64; size2++) {
        List<byte[]> proof = builder.consistencyProof(size1, size2);
        byte[] root1 = roots.get(size1);
        byte[] root2 = roots.get(size2);
        verifier.verifyConsistency(size1, size2, root1, root2, proof);

        String at = "sizes " + size1 + " -> " + size2;
        int s1 = size1;
        int s2 = size2;
        assertThrows(
            InvalidProofException.class,
            () -> verifier.verifyConsistency(s1, s2, flipBit(root1, random), root2, proof),
            at);
        assertThrows(
            InvalidProofException.class,
            () -> verifier.verifyConsistency(s1, s2, root1, flipBit(root2, random), proof),
            at);
        if (!proof.isEmpty()) {
          List<byte[]> mutated = new ArrayList<>(proof);
          int i = random.nextInt(proof.size());
          mutated.set(i, flipBit(proof.get(i), random));
          assertThrows(
              InvalidProofException.class,
              () -> verifier.verifyConsistency(s1, s2, root1, root2, mutated),
              at);
          assertThrows(
              InvalidProofException.class,
              () ->
                  verifier.verifyConsistency(s1, s2, root1, root2, proof.subList(1, proof.size())),
              at);
        }
      }
    }
  }

  // The probes of transparency-dev/merkle proof/verify_test.go corruptInclusionProof.
  private Map<String, Executable> corruptInclusion(
      long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
    Map<String, Executable> probes = new LinkedHashMap<>();
    probes.put("index - 1", () -> verifier.verifyInclusion(index - 1, size, leaf, proof, root));
    probes.put("index + 1", () -> verifier.verifyInclusion(index + 1, size, leaf, proof, root));
    probes.put("index ^ 2", () -> verifier.verifyInclusion(index ^ 2, size, leaf, proof, root));
    probes.put("size * 2", () -> verifier.verifyInclusion(index, size * 2, leaf, proof, root));
    probes.put("size / 2", () -> verifier.verifyInclusion(index, size / 2, leaf, proof, root));
    probes.put(
        "wrong leaf",
        () -> verifier.verifyInclusion(index, size, "WrongLeaf".getBytes(), proof, root));
    probes.put(
        "empty root", () -> verifier.verifyInclusion(index, size, leaf, proof, hasher.emptyRoot()));
    probes.put("random root", () -> verifier.verifyInclusion(index, size, leaf, proof, SOME_HASH));
    probes.put(
        "trailing garbage",
        () -> verifier.verifyInclusion(index, size, leaf, append(proof, new byte[0]), root));
    probes.put(
        "trailing root",
        () -> verifier.verifyInclusion(index, size, leaf, append(proof, root), root));
    probes.put(
        "preceding garbage",
        () -> verifier.verifyInclusion(index, size, leaf, prepend(proof, new byte[0]), root));
    probes.put(
        "preceding root",
        () -> verifier.verifyInclusion(index, size, leaf, prepend(proof, root), root));
    for (int i = 0; i < proof.size(); i++) {
      List<byte[]> wrong = new ArrayList<>(proof);
      byte[] element = proof.get(i).clone();
      element[0] ^= 8;
      wrong.set(i, element);
      probes.put(
          "modified proof[" + i + "] bit 3",
          () -> verifier.verifyInclusion(index, size, leaf, wrong, root));
    }
    if (!proof.isEmpty()) {
      probes.put(
          "removed component",
          () ->
              verifier.verifyInclusion(
                  index, size, leaf, proof.subList(0, proof.size() - 1), root));
    }
    if (proof.size() > 1) {
      List<byte[]> inserted = new ArrayList<>(proof);
      inserted.add(1, SOME_HASH);
      probes.put(
          "inserted component", () -> verifier.verifyInclusion(index, size, leaf, inserted, root));
    }
    return probes;
  }

  // The probes of transparency-dev/merkle proof/verify_test.go corruptConsistencyProof.
  private Map<String, Executable> corruptConsistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    Map<String, Executable> probes = new LinkedHashMap<>();
    probes.put(
        "size1 - 1", () -> verifier.verifyConsistency(size1 - 1, size2, root1, root2, proof));
    probes.put(
        "size1 + 1", () -> verifier.verifyConsistency(size1 + 1, size2, root1, root2, proof));
    probes.put(
        "size1 ^ 2", () -> verifier.verifyConsistency(size1 ^ 2, size2, root1, root2, proof));
    probes.put(
        "size2 * 2", () -> verifier.verifyConsistency(size1, size2 * 2, root1, root2, proof));
    probes.put(
        "size2 / 2", () -> verifier.verifyConsistency(size1, size2 / 2, root1, root2, proof));
    probes.put(
        "wrong root1", () -> verifier.verifyConsistency(size1, size2, SOME_HASH, root2, proof));
    probes.put(
        "wrong root2", () -> verifier.verifyConsistency(size1, size2, root1, SOME_HASH, proof));
    probes.put(
        "swapped roots", () -> verifier.verifyConsistency(size1, size2, root2, root1, proof));
    probes.put(
        "empty proof", () -> verifier.verifyConsistency(size1, size2, root1, root2, List.of()));
    probes.put(
        "trailing garbage",
        () -> verifier.verifyConsistency(size1, size2, root1, root2, append(proof, new byte[0])));
    probes.put(
        "trailing root1",
        () -> verifier.verifyConsistency(size1, size2, root1, root2, append(proof, root1)));
    probes.put(
        "trailing root2",
        () -> verifier.verifyConsistency(size1, size2, root1, root2, append(proof, root2)));
    probes.put(
        "preceding garbage",
        () -> verifier.verifyConsistency(size1, size2, root1, root2, prepend(proof, new byte[0])));
    probes.put(
        "preceding root1",
        () -> verifier.verifyConsistency(size1, size2, root1, root2, prepend(proof, root1)));
    probes.put(
        "preceding root2",
        () -> verifier.verifyConsistency(size1, size2, root1, root2, prepend(proof, root2)));
    probes.put(
        "preceding proof[0]",
        () -> verifier.verifyConsistency(size1, size2, root1, root2, prepend(proof, proof.get(0))));
    probes.put(
        "truncated proof",
        () ->
            verifier.verifyConsistency(
                size1, size2, root1, root2, proof.subList(0, proof.size() - 1)));
    for (int i = 0; i < proof.size(); i++) {
      List<byte[]> wrong = new ArrayList<>(proof);
      byte[] element = proof.get(i).clone();
      element[0] ^= 16;
      wrong.set(i, element);
      probes.put(
          "modified proof[" + i + "] bit 4",
          () -> verifier.verifyConsistency(size1, size2, root1, root2, wrong));
    }
    return probes;
  }

  private static List<byte[]> append(List<byte[]> proof, byte[] extra) {
    List<byte[]> list = new ArrayList<>(proof);
    list.add(extra);
    return list;
  }

  private static List<byte[]> prepend(List<byte[]> proof, byte[] extra) {
    List<byte[]> list = new ArrayList<>();
    list.add(extra);
    list.addAll(proof);
    return list;
  }

  private static byte[] flipBit(byte[] hash, Random random) {
    byte[] copy = hash.clone();
    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    return copy;
  }
}

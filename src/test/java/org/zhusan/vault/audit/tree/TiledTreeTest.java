package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TiledTreeTest {

  private static final LogHasher HASHER = Rfc9162Hasher.sha256();

  /** Leaves and the stored strata a server would have written while appending the first n. */
  private static final class StoredLog implements NodeReader {
    final List<byte[]> leaves = new ArrayList<>();
    final Map<Integer, Map<Long, byte[]>> strata = new HashMap<>();
    int reads;
    long nodesRead;

    StoredLog(int n, long seed) {
      Random random = new Random(seed);
      CompactRange range = new CompactRange(HASHER);
      for (int i = 0; i < n; i++) {
        byte[] leaf = HASHER.hashLeaf(("entry " + i + " " + random.nextLong()).getBytes());
        leaves.add(leaf);
        range.append(
            leaf,
            (level, index, hash) -> {
              if (TiledTree.isStoredLevel(level)) {
                strata.computeIfAbsent(level, l -> new HashMap<>()).put(index, hash);
              }
            });
      }
    }

    @Override
    public byte[][] read(int level, long from, int count) {
      reads++;
      nodesRead += count;
      byte[][] out = new byte[count][];
      for (int i = 0; i < count; i++) {
        out[i] =
            level == 0
                ? leaves.get((int) (from + i))
                : strata.getOrDefault(level, Map.of()).get(from + i);
      }
      return out;
    }
  }

  @Test
  void proofsFromTilesEqualProofsFromTheFullTreeForRandomSizes() {
    StoredLog log = new StoredLog(70_000, 1);
    Random random = new Random(2);
    InclusionProofs fromLeaves = new InclusionProofs(HASHER, LeafSource.of(log.leaves));
    ConsistencyProofs consistencyFromLeaves =
        new ConsistencyProofs(HASHER, LeafSource.of(log.leaves));
    for (int round = 0; round < 60; round++) {
      long size = round < 10 ? round + 1 : 1 + random.nextInt(log.leaves.size());
      TiledTree tiled = new TiledTree(HASHER, log, size);
      assertArrayEquals(
          MerkleTree.rfc9162().rootHash(log.leaves.subList(0, (int) size)),
          tiled.rootHash(),
          "root of " + size);
      long index = random.nextLong(size);
      assertProofsEqual(
          fromLeaves.inclusionProof(index, size),
          new InclusionProofs(tiled).inclusionProof(index, size),
          "inclusion of " + index + " in " + size);
      assertArrayEquals(log.leaves.get((int) index), tiled.leafHash(index));
      long first = random.nextLong(size + 1);
      assertProofsEqual(
          consistencyFromLeaves.consistencyProof(first, size),
          new ConsistencyProofs(tiled).consistencyProof(first, size),
          "consistency " + first + " → " + size);
    }
  }

  @Test
  void missingStoredNodesAreFoldedFromTheStratumBelow() {
    StoredLog log = new StoredLog(5_000, 3);
    log.strata.get(8).remove(3L); // as if the nodes after the last checkpoint were not written yet
    log.strata.get(8).remove(17L);
    TiledTree tiled = new TiledTree(HASHER, log, 5_000);
    assertArrayEquals(MerkleTree.rfc9162().rootHash(log.leaves), tiled.rootHash());
    assertProofsEqual(
        new InclusionProofs(HASHER, LeafSource.of(log.leaves)).inclusionProof(1_000, 5_000),
        new InclusionProofs(tiled).inclusionProof(1_000, 5_000),
        "inclusion over a missing node");
  }

  @Test
  void aProofReadsAboutOneTilePerStratum() throws InvalidProofException {
    StoredLog log = new StoredLog(70_000, 4);
    for (long index : new long[] {0, 12_345, 65_535, 69_999}) {
      log.reads = 0;
      log.nodesRead = 0;
      TiledTree tiled = new TiledTree(HASHER, log, 70_000);
      ProofVerifier.rfc9162()
          .verifyInclusion(
              index,
              70_000,
              log.leaves.get((int) index),
              new InclusionProofs(tiled).inclusionProof(index, 70_000),
              tiled.rootHash());
      // Strata 0, 8 and 16: the leaf's tile, the right edge's tiles; never the 70,000 leaves.
      assertTrue(log.reads <= 6, index + ": " + log.reads + " reads");
      assertTrue(log.nodesRead <= 6 * TiledTree.TILE_WIDTH, index + ": " + log.nodesRead);
    }
  }

  @Test
  void aWrongStoredNodeGivesAProofThatFailsAgainstTheSignedRoot() {
    StoredLog log = new StoredLog(3_000, 5);
    byte[] trueRoot = MerkleTree.rfc9162().rootHash(log.leaves);
    log.strata.get(8).put(2L, HASHER.hashLeaf("forged".getBytes()));
    TiledTree tiled = new TiledTree(HASHER, log, 3_000);
    List<byte[]> proof = new InclusionProofs(tiled).inclusionProof(100, 3_000);
    assertThrows(
        InvalidProofException.class,
        () ->
            ProofVerifier.rfc9162()
                .verifyInclusion(100, 3_000, log.leaves.get(100), proof, trueRoot));
  }

  @Test
  void refusesRangesOutsideTheTree() {
    TiledTree tiled = new TiledTree(HASHER, new StoredLog(10, 6), 10);
    assertThrows(IllegalArgumentException.class, () -> tiled.hash(0, 11));
    assertThrows(IllegalArgumentException.class, () -> tiled.perfect(2, 2));
    assertArrayEquals(HASHER.emptyRoot(), tiled.hash(4, 4));
    assertArrayEquals(HASHER.emptyRoot(), new TiledTree(HASHER, new StoredLog(0, 7), 0).rootHash());
  }

  private static void assertProofsEqual(List<byte[]> expected, List<byte[]> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), what + ", element " + i);
    }
  }
}

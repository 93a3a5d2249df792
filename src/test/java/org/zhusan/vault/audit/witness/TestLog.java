package org.zhusan.vault.audit.witness;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.audit.tree.ConsistencyProofs;
import org.zhusan.vault.audit.tree.LeafSource;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.Rfc9162Hasher;

/**
 * A log for witness tests: leaves in memory, checkpoints signed with a fixed key, consistency
 * proofs from the tree's own builder. {@link #rewrite} changes a leaf, as a database owner editing
 * a row and re-signing would.
 */
final class TestLog {

  static final String ORIGIN = "zhusan-vault/test-log";

  private final CheckpointSigner signer;
  private final List<byte[]> leafHashes = new ArrayList<>();
  private long seconds = 1_764_000_000L;

  TestLog(CheckpointSigner signer) {
    this.signer = signer;
  }

  static TestLog withSeed(int seed) {
    byte[] key = new byte[32];
    key[0] = (byte) seed;
    return new TestLog(new CheckpointSigner(new Ed25519PrivateKeyParameters(key, 0)));
  }

  CheckpointSigner signer() {
    return signer;
  }

  NoteVerifierKey noteKey() {
    return C2spCheckpoints.logKey(ORIGIN, signer.verifier());
  }

  TestLog append(int count) {
    for (int i = 0; i < count; i++) {
      leafHashes.add(
          Rfc9162Hasher.sha256()
              .hashLeaf(("entry " + leafHashes.size()).getBytes(StandardCharsets.UTF_8)));
    }
    return this;
  }

  /** A copy of this log with leaf {@code index} changed (and everything after kept). */
  TestLog rewrite(int index) {
    TestLog copy = new TestLog(signer);
    copy.leafHashes.addAll(leafHashes);
    copy.leafHashes.set(index, Rfc9162Hasher.sha256().hashLeaf(new byte[] {9, 9, (byte) index}));
    copy.seconds = seconds;
    return copy;
  }

  /** A copy of this log cut to {@code size} entries. */
  TestLog truncate(int size) {
    TestLog copy = new TestLog(signer);
    copy.leafHashes.addAll(leafHashes.subList(0, size));
    copy.seconds = seconds;
    return copy;
  }

  long size() {
    return leafHashes.size();
  }

  SignedNote note() {
    seconds += 60;
    Checkpoint checkpoint =
        new Checkpoint(
            ORIGIN,
            leafHashes.size(),
            MerkleTree.rfc9162().rootHash(leafHashes),
            Instant.ofEpochSecond(seconds));
    return C2spCheckpoints.sign(checkpoint, signer);
  }

  List<byte[]> proof(long from) {
    return new ConsistencyProofs(Rfc9162Hasher.sha256(), LeafSource.of(leafHashes))
        .consistencyProof(from, leafHashes.size());
  }
}

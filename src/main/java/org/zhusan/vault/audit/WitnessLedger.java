package org.zhusan.vault.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.zhusan.vault.audit.tree.ConsistencyProofs;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/**
 * The database side of {@link Witnessing}, one short transaction per call, so that no transaction
 * is open while a witness is asked.
 */
@ApplicationScoped
public class WitnessLedger {
  @Inject AuditStore store;

  /** The latest checkpoint, if any. */
  @Transactional
  public Optional<SignedCheckpoint> latest() {
    return store.latestCheckpoint();
  }

  /** The verifier keys of the witnesses that co-signed the checkpoint of {@code size}. */
  @Transactional
  public List<String> cosigners(long size) {
    return store.cosigners(size);
  }

  /** The largest size the witness co-signed, no larger than {@code atMost}; 0 if none. */
  @Transactional
  public long lastCosigned(String witnessKey, long atMost) {
    return store.lastCosignedSize(witnessKey, atMost);
  }

  /** The RFC 9162 consistency proof between the stored trees of sizes {@code from <= to}. */
  @Transactional
  public List<byte[]> proof(long from, long to) {
    if (from == 0 || from == to) {
      return List.of();
    }
    return new ConsistencyProofs(store.tree(to)).consistencyProof(from, to);
  }

  /** Stores a verified cosignature. */
  @Transactional
  public void store(long size, String witnessKey, String line) {
    store.storeCosignature(size, witnessKey, line);
  }

  /** See {@link AuditStore#firstNotCosigned}: size and signing time. */
  @Transactional
  public Optional<Pending> firstNotCosigned(List<String> witnessKeys, int k) {
    return store
        .firstNotCosigned(witnessKeys, k)
        .map(r -> new Pending((Long) r[0], (Instant) r[1]));
  }

  /** A checkpoint size and when it was signed. */
  public record Pending(long size, Instant signedAt) {}
}

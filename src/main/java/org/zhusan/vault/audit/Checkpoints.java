package org.zhusan.vault.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.audit.tree.CompactRange;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.platform.health.KeyStatus;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Signs checkpoints of the access log's Merkle tree (size, root, time; Ed25519), periodically and
 * on demand, and stores them. The root is recomputed from the stored leaf hashes, streaming through
 * a compact range (O(log n) memory).
 */
@ApplicationScoped
public class Checkpoints implements KeyStatus {
  private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());
  static final int PROGRESS_EVERY = 1000;

  @Inject AuditStore store;

  @Inject @ConfigProperties AuditSettings settings;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject jakarta.enterprise.event.Event<CheckpointSigned> signedEvents;

  private volatile CheckpointSigner signer;
  private volatile String problem = "not loaded";
  private ScheduledFuture<?> periodic;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    loaded();
  }

  @PostConstruct
  void init() {
    if (settings.signingKeyLocation().filter(s -> !s.isBlank()).isEmpty()) {
      problem = "vault.audit.signing-key.location is not set";
      LOG.severe("No checkpoint signing key configured (vault.audit.signing-key.location).");
      return;
    }
    try {
      signer = CheckpointSigner.fromPkcs8PemFile(Path.of(settings.signingKeyLocation().get()));
      problem = null;
      LOG.info("Checkpoint signing key loaded: " + signer);
    } catch (Exception e) {
      problem = "checkpoint signing key could not be loaded: " + e.getClass().getSimpleName();
      LOG.severe(problem);
      return;
    }
    long every = settings.checkpointInterval().toMillis();
    if (every > 0) {
      periodic = scheduler.scheduleAtFixedRate(this::periodic, every, every, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  void stop() {
    if (periodic != null) {
      periodic.cancel(false);
    }
  }

  private void periodic() {
    try {
      jakarta.enterprise.inject.spi.CDI.current().select(Checkpoints.class).get().createIfGrown();
    } catch (RuntimeException e) {
      LOG.warning("Periodic checkpoint failed: " + e.getMessage());
    }
  }

  /**
   * Signs a checkpoint of the log as it is now (idempotent for an unchanged size), but only after
   * checking the log the signature would vouch for: every entry's encoding hashes to its stored
   * leaf hash, each entry chains to its predecessor, sequence numbers have no gaps, and the tree
   * agrees with every checkpoint signed before. A log that fails is never signed (that would
   * launder the tampering); the failure is logged as an integrity alarm and answered 500.
   */
  @Transactional
  public SignedCheckpoint create() {
    return createIfConsistent()
        .orElseThrow(
            () ->
                new VaultException(
                    org.zhusan.vault.platform.problem.Problem.of(
                        500,
                        "audit-integrity-failure",
                        "Access log integrity failure",
                        "The access log does not verify, so no checkpoint was signed. Export it and"
                            + " run the verifier to see where.")));
  }

  /** As {@link #create()}, but empty instead of failing when the log does not verify. */
  @Transactional
  public Optional<SignedCheckpoint> createIfConsistent() {
    return createIfConsistent(Progress.NONE);
  }

  /** As {@link #createIfConsistent()}, reporting every {@value #PROGRESS_EVERY} entries checked. */
  @Transactional
  public Optional<SignedCheckpoint> createIfConsistent(Progress progress) {
    CheckpointSigner s = signer();
    long size = store.size();
    progress.report(0, size);
    java.util.Map<Long, SignedCheckpoint> earlier = new java.util.HashMap<>();
    for (SignedCheckpoint c : store.checkpoints()) {
      earlier.put(c.checkpoint().size(), c);
    }
    CompactRange range = MerkleTree.rfc9162().newCompactRange();
    byte[][] previous = {new byte[32]};
    String[] problem = {null};
    store.forEachWithLeaf(
        0,
        size,
        (e, stored) -> {
          if (problem[0] != null) {
            return;
          }
          byte[] leaf = org.zhusan.vault.audit.tree.AuditEntryEncoding.leafHash(e);
          if (e.sequence() != range.size()) {
            problem[0] = "sequence gap or duplicate at entry " + range.size();
          } else if (!java.util.Arrays.equals(leaf, stored)) {
            problem[0] = "entry " + e.sequence() + " does not match its stored leaf hash";
          } else if (!java.util.Arrays.equals(previous[0], e.previousLeafHash())) {
            problem[0] = "entry " + e.sequence() + " does not chain to entry " + (e.sequence() - 1);
          }
          range.append(leaf);
          previous[0] = leaf;
          if (range.size() % PROGRESS_EVERY == 0) {
            progress.report(range.size(), size);
          }
          SignedCheckpoint c = earlier.get(range.size());
          if (problem[0] == null
              && c != null
              && !java.util.Arrays.equals(c.checkpoint().rootHash(), range.rootHash())) {
            problem[0] =
                "tree of size " + range.size() + " no longer matches its signed checkpoint";
          }
        });
    progress.report(range.size(), size);
    if (problem[0] == null && range.size() != size) {
      problem[0] = "the log holds " + range.size() + " entries but its head says " + size;
    }
    if (problem[0] == null && earlier.keySet().stream().anyMatch(k -> k > size)) {
      problem[0] = "a signed checkpoint is larger than the log (entries removed from the tail)";
    }
    if (problem[0] != null) {
      LOG.severe("ACCESS LOG INTEGRITY ALARM: " + problem[0] + "; no checkpoint signed");
      return Optional.empty();
    }
    SignedCheckpoint signed =
        s.sign(
            new Checkpoint(
                settings.origin(),
                size,
                range.rootHash(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    store.store(signed);
    // Witnesses are asked once this commits (Witnessing observes AFTER_SUCCESS, asynchronously).
    signedEvents.fire(new CheckpointSigned(size));
    return Optional.of(signed);
  }

  @Transactional
  public void createIfGrown() {
    List<SignedCheckpoint> all = store.checkpoints();
    long last = all.isEmpty() ? -1 : all.get(all.size() - 1).checkpoint().size();
    if (store.size() > last) {
      SignedCheckpoint c = create();
      LOG.info("Signed checkpoint of the access log at size " + c.checkpoint().size());
    }
  }

  /** Returns the log's name, as its checkpoints carry it (and the binary export's header). */
  public String origin() {
    return settings.origin();
  }

  public CheckpointSigner signer() {
    CheckpointSigner s = signer;
    if (s == null) {
      throw VaultException.unavailable(
          "signing-key-unavailable",
          "The checkpoint signing key is not loaded; an administrator sees why in the server log"
              + " and GET /api/admin/status.");
    }
    return s;
  }

  @Override
  public String name() {
    return "checkpointSigningKey";
  }

  @Override
  public boolean loaded() {
    return signer != null;
  }

  @Override
  public String problem() {
    return problem;
  }
}

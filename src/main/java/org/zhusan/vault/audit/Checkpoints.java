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
 * on demand, and stores them with their compact range and the perfect-subtree hashes proofs read
 * ({@code access_log_tree_state}, {@code access_log_subtree}). Each checkpoint continues from the
 * previous one's compact range and hashes only the entries appended since (see {@link Scope}).
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
   * checking the entries it adds to the last checkpoint: each entry's encoding hashes to its stored
   * leaf hash, each chains to its predecessor, sequence numbers have no gaps, no checkpoint is
   * larger than the log, and no stored subtree hash disagrees (see {@link Scope}). A log that fails
   * is never signed (that would launder the tampering); the failure is logged as an integrity alarm
   * and answered 500.
   *
   * <p>In a transaction of its own, committed before the caller goes on: the checkpoint is durable
   * before an export that ends with it starts streaming, and the lock that serialises checkpoints
   * is held only while this one is checked and signed, not for the minutes an export of a large log
   * streams.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public SignedCheckpoint create() {
    return createIfConsistent(Progress.NONE, Scope.SINCE_LAST_CHECKPOINT)
        .signed()
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

  /**
   * What the check before signing covers. The signature of a checkpoint vouches for its root, and
   * the next checkpoint extends that root: so checking the entries appended since the last
   * checkpoint is enough for signing never to launder tampering (an entry changed before the last
   * checkpoint still fails against both checkpoints). The whole log is checked for a verification
   * an auditor asks for, and whenever the last checkpoint's stored tree state is missing or does
   * not fold to its signed root.
   */
  public enum Scope {
    /** The entries appended since the latest checkpoint: O(new entries · log n). */
    SINCE_LAST_CHECKPOINT,
    /** Every entry, each earlier checkpoint and each stored subtree hash: O(n). */
    WHOLE_LOG
  }

  /**
   * What an attempt to sign came to: the checkpoint signed, or the problem that stopped it (never
   * both).
   */
  public record Signing(Optional<SignedCheckpoint> signed, Optional<String> problem) {}

  /**
   * As {@link #create()}, but reporting the problem instead of failing when the log does not
   * verify; checks {@code scope} and reports every {@value #PROGRESS_EVERY} entries checked.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Signing createIfConsistent(Progress progress, Scope scope) {
    CheckpointSigner s = signer();
    store.lockCheckpointing();
    long size = store.size();
    LogCheck check =
        scope == Scope.WHOLE_LOG
            ? wholeLog(size)
            : sinceLast(s, size).orElseGet(() -> wholeLog(size));
    progress.report(check.range().size(), size);
    store.forEachWithLeaf(
        check.range().size(),
        size,
        (e, stored) -> {
          check.entry(e, stored);
          if (check.range().size() % PROGRESS_EVERY == 0) {
            progress.report(check.range().size(), size);
          }
        });
    progress.report(check.range().size(), size);
    check.finish(size);
    if (check.problem().isEmpty()) {
      store
          .storeSubtrees(check.subtrees())
          .ifPresent(
              t ->
                  check.fail(
                      "the stored hash of entries ["
                          + (t.index() << t.level())
                          + ", "
                          + ((t.index() + 1) << t.level())
                          + ") differs from the log: its history was rewritten after that subtree"
                          + " was stored"));
    }
    if (check.problem().isPresent()) {
      LOG.severe("ACCESS LOG INTEGRITY ALARM: " + check.problem().get() + "; no checkpoint signed");
      return new Signing(Optional.empty(), check.problem());
    }
    SignedCheckpoint signed =
        s.sign(
            new Checkpoint(
                settings.origin(),
                size,
                check.range().rootHash(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    store.store(signed);
    store.storeTreeState(check.range());
    // Witnesses are asked once this commits (Witnessing observes AFTER_SUCCESS, asynchronously).
    signedEvents.fire(new CheckpointSigned(size));
    return new Signing(Optional.of(signed), Optional.empty());
  }

  private LogCheck wholeLog(long size) {
    LogCheck check = LogCheck.fromStart(store.checkpoints());
    if (store.largestCheckpointSize() > size) {
      check.fail("a signed checkpoint is larger than the log (entries removed from the tail)");
    }
    return check;
  }

  /**
   * Continues from the latest checkpoint's stored compact range, if it is there, carries this
   * vault's signature and folds to the checkpoint's root; otherwise empty (check the whole log).
   */
  private Optional<LogCheck> sinceLast(CheckpointSigner s, long size) {
    Optional<TreeState> latest = store.latestTreeState();
    if (latest.isEmpty() || latest.get().rangeHashes().isEmpty()) {
      return Optional.empty();
    }
    SignedCheckpoint cp = latest.get().checkpoint();
    long from = cp.checkpoint().size();
    CompactRange range;
    try {
      range = CompactRange.restore(MerkleTree.rfc9162().hasher(), from, latest.get().hashes());
    } catch (IllegalArgumentException e) {
      range = null;
    }
    if (range == null
        || !s.verifier().verify(cp)
        || !java.util.Arrays.equals(range.rootHash(), cp.checkpoint().rootHash())) {
      LOG.warning(
          "The tree state stored with the checkpoint of size "
              + from
              + " does not match it; checking the whole log");
      return Optional.empty();
    }
    LogCheck check = LogCheck.continuing(range);
    if (from > size || store.largestCheckpointSize() > size) {
      check.fail("a signed checkpoint is larger than the log (entries removed from the tail)");
    } else if (from > 0) {
      store.forEachWithLeaf(from - 1, from, check::anchor);
    }
    return Optional.of(check);
  }

  @Transactional
  public void createIfGrown() {
    if (store.size() > store.largestCheckpointSize()) {
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

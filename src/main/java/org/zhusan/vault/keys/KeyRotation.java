package org.zhusan.vault.keys;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.audit.AccessEvent;
import org.zhusan.vault.audit.AccessLog;
import org.zhusan.vault.audit.Outcome;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.platform.db.SqlTimes;

/**
 * Online KEK rotation: rewraps every live data key under the keystore's primary KEK, batch by
 * batch, while reads go on (both versions stay in the keystore, and the data keys themselves do not
 * change, so no read can fail). Progress is logged and kept in {@code key_rotation}; a run that
 * stopped is resumed simply by starting again. Start and end are written to the access log.
 */
@ApplicationScoped
public class KeyRotation {
  private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject RotationBatch batch;
  @Inject VaultKeys vaultKeys;
  @Inject KekVersions kekVersions;
  @Inject AccessLog accessLog;

  @Resource ManagedExecutorService executor;

  /** Data keys each run of this instance set out to rewrap (counted when it started). */
  private final java.util.Map<Long, Long> totals = new java.util.concurrent.ConcurrentHashMap<>();

  @Inject @ConfigProperties KeySettings settings;

  /**
   * A rotation run as reported to administrators: {@code rewrapped} of {@code total} data keys
   * (while it runs, the live data keys under another KEK when it started; once it has ended, what
   * it rewrapped) at {@code rate} data keys per second since it started.
   */
  public record RotationRun(
      long id,
      int targetVersion,
      String state,
      long rewrapped,
      long total,
      long rate,
      String startedBy,
      java.time.Instant startedAt,
      java.time.Instant finishedAt) {}

  /** Starts (or resumes) a rotation to the primary KEK in the background; returns its id. */
  public long start(String actor, String role) {
    kekVersions.sync();
    int target = vaultKeys.keyring().primaryKekVersion();
    long id = batch.begin(target, actor);
    executor.submit(() -> run(id, target, actor, role));
    return id;
  }

  void run(long id, int target, String actor, String role) {
    long total = 0;
    long todo = batch.remaining(target);
    totals.put(id, todo);
    LOG.info("Key rotation " + id + ": rewrapping " + todo + " data keys under KEK v" + target);
    try {
      int n;
      while ((n = batch.rewrapNext(target, settings.rotationBatchSize())) > 0) {
        total += n;
        batch.progress(id, total, null);
        LOG.info("Key rotation " + id + ": " + total + "/" + todo + " data keys rewrapped");
      }
      batch.progress(id, total, "DONE");
      LOG.info("Key rotation " + id + " done: " + total + " data keys now under KEK v" + target);
      accessLog.appendAlone(
          AccessEvent.jobEnded(
              actor,
              role,
              Action.KEY_ROTATE,
              Target.key("kek-v" + target),
              Outcome.ALLOWED,
              "admin-keys",
              "rotation " + id + " finished: " + total + " data keys rewrapped"));
    } catch (RuntimeException e) {
      batch.progress(id, total, "FAILED");
      LOG.severe(
          "Key rotation "
              + id
              + " failed after "
              + total
              + " data keys: "
              + e.getMessage()
              + " (start again to resume)");
      accessLog.appendAlone(
          AccessEvent.jobEnded(
              actor,
              role,
              Action.KEY_ROTATE,
              Target.key("kek-v" + target),
              Outcome.FAILED,
              "admin-keys",
              "rotation " + id + " failed after " + total + " data keys"));
    }
  }

  @Transactional
  public List<RotationRun> recent() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, target_version, state, rewrapped, started_by, started_at, finished_at"
                    + " FROM key_rotation ORDER BY id DESC LIMIT 20")
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              int target = ((Number) r[1]).intValue();
              String state = (String) r[2];
              long rewrapped = ((Number) r[3]).longValue();
              java.time.Instant started = SqlTimes.instant(r[5]);
              java.time.Instant finished = SqlTimes.instant(r[6]);
              // What the run set out to do when this instance started it; otherwise (another
              // instance's run)
              // what it did plus what is still under another version.
              Long planned = totals.get(((Number) r[0]).longValue());
              long total =
                  !"RUNNING".equals(state)
                      ? rewrapped
                      : planned != null
                          ? Math.max(planned, rewrapped)
                          : rewrapped + batch.remaining(target);
              double seconds =
                  Math.max(
                          1,
                          java.time.Duration.between(
                                  started, finished == null ? java.time.Instant.now() : finished)
                              .toMillis())
                      / 1000.0;
              return new RotationRun(
                  ((Number) r[0]).longValue(),
                  target,
                  state,
                  rewrapped,
                  total,
                  Math.round(rewrapped / seconds),
                  (String) r[4],
                  started,
                  finished);
            })
        .toList();
  }
}

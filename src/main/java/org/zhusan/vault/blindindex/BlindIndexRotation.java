package org.zhusan.vault.blindindex;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.audit.AccessEvent;
import org.zhusan.vault.audit.AccessLog;
import org.zhusan.vault.audit.Outcome;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.keys.KeySettings;
import org.zhusan.vault.keys.VaultKeys;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.search.SearchReindexer;
import org.zhusan.vault.search.SearchReindexer.ReindexRun;
import org.zhusan.vault.subjects.SubjectIndexRekeying;

/**
 * Online blind-index key rotation to the keystore's primary blind-index key, in the background:
 * first the subjects' name and IIN indexes, batch by batch, then an OLD_KEY re-index of the
 * documents (every version whose tokens are under another key). Lookups and searches keep working
 * throughout, over every loaded key version. Progress is logged and kept in memory ({@link
 * #current()}); the rows themselves record their key version, so a run that stopped (or a restarted
 * server) resumes simply by starting again. Start (the request's access-log entry) and end are
 * written to the access log, like KEK rotation. One run at a time, and not while a re-index runs.
 */
@ApplicationScoped
public class BlindIndexRotation {
  private static final Logger LOG = Logger.getLogger(BlindIndexRotation.class.getName());

  @Inject SubjectIndexRekeying subjects;
  @Inject SearchReindexer reindexer;
  @Inject VaultKeys vaultKeys;
  @Inject AccessLog accessLog;

  @Resource ManagedExecutorService executor;

  @Inject @ConfigProperties KeySettings settings;

  /**
   * A rotation run as reported to administrators.
   *
   * @param id random run id
   * @param targetVersion the blind-index key version everything is moved to (the primary when it
   *     started)
   * @param state RUNNING, DONE or FAILED
   * @param phase SUBJECTS, DOCUMENTS or FINISHED
   * @param subjectsToDo live subjects under another key version when the run started
   * @param subjectsRekeyed of which re-keyed so far
   * @param subjectsFailed of which could not be re-keyed (their values failed to decrypt; logged
   *     with their ids; they keep the old key version needed)
   * @param reindexRunId the id of the document re-index run (see {@code GET
   *     /api/admin/search/reindex}; its progress while it runs), once started
   * @param documentVersionsToDo document versions the re-index goes through (its total, listed when
   *     it started), once started
   * @param documentVersions document versions the re-index handled, once it has ended
   * @param documentVersionsFailed of which failed (their state says FAILED; they no longer depend
   *     on the old key)
   */
  public record RotationRun(
      String id,
      int targetVersion,
      String state,
      String phase,
      long subjectsToDo,
      long subjectsRekeyed,
      long subjectsFailed,
      String reindexRunId,
      long documentVersionsToDo,
      long documentVersions,
      long documentVersionsFailed,
      String startedBy,
      Instant startedAt,
      Instant finishedAt) {
    RotationRun subjects(long rekeyed, long failed) {
      return new RotationRun(
          id,
          targetVersion,
          state,
          phase,
          subjectsToDo,
          rekeyed,
          failed,
          reindexRunId,
          documentVersionsToDo,
          documentVersions,
          documentVersionsFailed,
          startedBy,
          startedAt,
          finishedAt);
    }

    RotationRun documents(ReindexRun r) {
      return new RotationRun(
          id,
          targetVersion,
          state,
          "DOCUMENTS",
          subjectsToDo,
          subjectsRekeyed,
          subjectsFailed,
          r == null ? null : r.id(),
          r == null ? 0 : r.total(),
          r == null ? 0 : r.processed(),
          r == null ? 0 : r.failed(),
          startedBy,
          startedAt,
          finishedAt);
    }

    RotationRun end(String finalState) {
      return new RotationRun(
          id,
          targetVersion,
          finalState,
          "FINISHED",
          subjectsToDo,
          subjectsRekeyed,
          subjectsFailed,
          reindexRunId,
          documentVersionsToDo,
          documentVersions,
          documentVersionsFailed,
          startedBy,
          startedAt,
          Instant.now());
    }
  }

  private volatile RotationRun current;

  /**
   * Starts (or resumes) a rotation to the primary blind-index key; 409 while a rotation or a
   * re-index runs.
   */
  public synchronized RotationRun start(String actor, String role) {
    RotationRun running = current;
    if (running != null && "RUNNING".equals(running.state())) {
      throw VaultException.conflict(
          "rotation-running",
          "A blind-index key rotation is already in progress (" + running.id() + ").");
    }
    if (reindexer.running()) {
      throw VaultException.conflict(
          "reindex-running",
          "A search re-index run is in progress; start the rotation when it has ended.");
    }
    int target = vaultKeys.keyring().primaryBlindIndexVersion();
    RotationRun run =
        new RotationRun(
            UUID.randomUUID().toString(),
            target,
            "RUNNING",
            "SUBJECTS",
            subjects.remaining(target),
            0,
            0,
            null,
            0,
            0,
            0,
            actor,
            Instant.now(),
            null);
    current = run;
    executor.submit(() -> run(actor, role));
    return run;
  }

  /** The latest run since start-up, if any. */
  public Optional<RotationRun> current() {
    return Optional.ofNullable(current);
  }

  void run(String actor, String role) {
    RotationRun run = current;
    int target = run.targetVersion();
    String key = "blind-index-v" + target;
    LOG.info(
        "Blind-index rotation "
            + run.id()
            + " to "
            + key
            + " started by "
            + actor
            + ": "
            + run.subjectsToDo()
            + " subjects to re-key, then a re-index of the documents not under it");
    try {
      long done = 0;
      long failed = 0;
      SubjectIndexRekeying.Batch batch;
      UUID after = new UUID(0, 0);
      while ((batch = subjects.rekeyNext(target, settings.blindIndexRotationBatchSize(), after))
              .claimed()
          > 0) {
        done += batch.rekeyed();
        failed += batch.failed();
        after = batch.last();
        run = run.subjects(done, failed);
        current = run;
        LOG.info(
            "Blind-index rotation "
                + run.id()
                + ": "
                + done
                + "/"
                + run.subjectsToDo()
                + " subjects re-keyed"
                + (failed > 0 ? ", " + failed + " could not be (see the warnings above)" : ""));
      }
      RotationRun subjectsDone = run.documents(null);
      run = subjectsDone;
      current = run;
      LOG.info(
          "Blind-index rotation "
              + run.id()
              + ": subjects done ("
              + done
              + "), re-indexing documents");
      // the run's id and total are reported as soon as it has listed its work
      ReindexRun reindex =
          reindexer.runOldKeyHere(
              actor, role, started -> current = subjectsDone.documents(started));
      run = subjectsDone.documents(reindex);
      if (!"DONE".equals(reindex.state())) {
        throw new IllegalStateException(
            "the document re-index run " + reindex.id() + " ended " + reindex.state());
      }
      run = run.end("DONE");
      current = run;
      LOG.info(
          "Blind-index rotation "
              + run.id()
              + " done: "
              + done
              + " subjects re-keyed, "
              + failed
              + " could not be, "
              + run.documentVersions()
              + " document versions re-indexed ("
              + run.documentVersionsFailed()
              + " failed) under "
              + key
              + "; see GET /api/admin/keys/blind-index for what still depends on older versions");
      accessLog.appendAlone(
          AccessEvent.jobEnded(
              actor,
              role,
              Action.KEY_ROTATE,
              Target.key(key),
              Outcome.ALLOWED,
              "admin-keys",
              "blind-index rotation "
                  + run.id()
                  + " finished: "
                  + done
                  + " subjects re-keyed, "
                  + failed
                  + " not re-keyable, "
                  + run.documentVersions()
                  + " document versions re-indexed, "
                  + run.documentVersionsFailed()
                  + " failed"));
    } catch (RuntimeException e) {
      run = run.end("FAILED");
      current = run;
      LOG.severe(
          "Blind-index rotation "
              + run.id()
              + " failed after "
              + run.subjectsRekeyed()
              + " subjects and "
              + run.documentVersions()
              + " document versions: "
              + e.getClass().getSimpleName()
              + " (start again to resume)");
      accessLog.appendAlone(
          AccessEvent.jobEnded(
              actor,
              role,
              Action.KEY_ROTATE,
              Target.key(key),
              Outcome.FAILED,
              "admin-keys",
              "blind-index rotation "
                  + run.id()
                  + " failed after "
                  + run.subjectsRekeyed()
                  + " subjects and "
                  + run.documentVersions()
                  + " document versions"));
    }
  }
}

package org.zhusan.vault.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.audit.AccessEvent;
import org.zhusan.vault.audit.AccessLog;
import org.zhusan.vault.audit.Outcome;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Re-indexing for when the analysers (or the token purpose, or the blind-index key) change, or
 * after OCR was installed: re-extracts the text of every stored version of live subjects — or only
 * of those not indexed with the current token purpose under the primary blind-index key — and
 * rewrites its tokens, one transaction per version, in the background, batch by batch, with
 * progress in the server log and in {@link #current()}. The versions a run goes through are listed
 * once, when it starts (so its total is exact); a version that no longer needs it when its batch
 * comes is skipped, and one that needs it only later is left to the next run. One run at a time; a
 * run that stopped is resumed by starting a "stale" run (versions already done are skipped). Every
 * run first deletes the tokens of crypto-shredded subjects' versions. The end of a run is written
 * to the access log, like key rotation.
 *
 * <p>Progress is kept in memory only (lost on restart; the index state table says what is left).
 */
@ApplicationScoped
public class SearchReindexer {
  private static final Logger LOG = Logger.getLogger(SearchReindexer.class.getName());

  @Inject ReindexWork work;
  @Inject AccessLog accessLog;

  @Resource ManagedExecutorService executor;

  @Inject @ConfigProperties SearchSettings settings;

  /**
   * A re-index run.
   *
   * @param id random run id
   * @param scope ALL (every version), STALE (versions not indexed with the current purpose and
   *     primary key) or OLD_KEY (indexed versions under another key version: a blind-index key
   *     rotation)
   * @param state RUNNING, DONE or FAILED
   * @param processed versions handled so far
   * @param indexed of which indexed
   * @param notIndexed of which without text (extraction refused or failed, no OCR)
   * @param failed of which failed (content unreadable, analysis failed)
   * @param skipped of which skipped (nothing left to do: the subject was shredded, or the version
   *     was indexed by another transaction, since the run started)
   * @param total versions the run goes through: those in its scope when it started, listed once
   *     (its progress is processed of total; processed ends equal to it)
   */
  public record ReindexRun(
      String id,
      String scope,
      String state,
      long processed,
      long indexed,
      long notIndexed,
      long failed,
      long skipped,
      String tokenPurpose,
      String startedBy,
      Instant startedAt,
      Instant finishedAt,
      long total) {
    ReindexRun count(ReindexWork.Outcome o) {
      return new ReindexRun(
          id,
          scope,
          state,
          processed + 1,
          indexed + (o == ReindexWork.Outcome.INDEXED ? 1 : 0),
          notIndexed + (o == ReindexWork.Outcome.NOT_INDEXED ? 1 : 0),
          failed + (o == ReindexWork.Outcome.FAILED ? 1 : 0),
          skipped + (o == ReindexWork.Outcome.SKIPPED ? 1 : 0),
          tokenPurpose,
          startedBy,
          startedAt,
          finishedAt,
          total);
    }

    ReindexRun end(String finalState) {
      return new ReindexRun(
          id,
          scope,
          finalState,
          processed,
          indexed,
          notIndexed,
          failed,
          skipped,
          tokenPurpose,
          startedBy,
          startedAt,
          Instant.now(),
          total);
    }
  }

  private volatile ReindexRun current;

  /** Starts a run in the background; 409 while another runs. */
  public ReindexRun start(boolean all, String actor, String role) {
    ReindexWork.Scope scope = all ? ReindexWork.Scope.ALL : ReindexWork.Scope.STALE;
    List<UUID> toDo = claim(scope, actor);
    ReindexRun run = current;
    executor.submit(() -> run(scope, toDo, actor, role));
    return run;
  }

  /**
   * Re-indexes, on the calling thread (already a background one: the blind-index key rotation's),
   * every version whose tokens are under another blind-index key than the primary, and returns how
   * the run ended; 409 while another runs. {@code started} is told of the run (its id and total)
   * before the first version is done.
   */
  public ReindexRun runOldKeyHere(String actor, String role, Consumer<ReindexRun> started) {
    List<UUID> toDo = claim(ReindexWork.Scope.OLD_KEY, actor);
    started.accept(current);
    run(ReindexWork.Scope.OLD_KEY, toDo, actor, role);
    return current;
  }

  /** Whether a run is in progress. */
  public boolean running() {
    ReindexRun running = current;
    return running != null && "RUNNING".equals(running.state());
  }

  /**
   * Makes a new run current and returns its work set: the versions in {@code scope} now, listed
   * once, whose number is the run's total (the run goes through exactly these).
   */
  private synchronized List<UUID> claim(ReindexWork.Scope scope, String actor) {
    ReindexRun running = current;
    if (running != null && "RUNNING".equals(running.state())) {
      throw VaultException.conflict(
          "reindex-running", "A re-index run is already in progress (" + running.id() + ").");
    }
    List<UUID> toDo = work.versionsToDo(scope);
    current =
        new ReindexRun(
            UUID.randomUUID().toString(),
            scope.name(),
            "RUNNING",
            0,
            0,
            0,
            0,
            0,
            BlindTokens.PURPOSE,
            actor,
            Instant.now(),
            null,
            toDo.size());
    return toDo;
  }

  /** The latest run, if any since start-up. */
  public Optional<ReindexRun> current() {
    return Optional.ofNullable(current);
  }

  void run(ReindexWork.Scope scope, List<UUID> toDo, String actor, String role) {
    ReindexRun run = current;
    LOG.info(
        "Search re-index "
            + run.id()
            + " ("
            + run.scope()
            + ", "
            + BlindTokens.PURPOSE
            + ") started by "
            + actor);
    try {
      int purged = work.purgeShredded();
      if (purged > 0) {
        LOG.info(
            "Search re-index "
                + run.id()
                + ": purged "
                + purged
                + " token rows of crypto-shredded subjects");
      }
      int batchSize = settings.reindexBatchSize();
      for (int from = 0; from < toDo.size(); from += batchSize) {
        List<UUID> batch = toDo.subList(from, Math.min(from + batchSize, toDo.size()));
        Set<UUID> still = work.stillToDo(batch, scope);
        for (UUID versionId : batch) {
          ReindexWork.Outcome outcome;
          try {
            outcome =
                still.contains(versionId)
                    ? work.reindex(versionId)
                    : ReindexWork.Outcome.SKIPPED; // done meanwhile, or its subject shredded
          } catch (RuntimeException e) {
            LOG.warning(
                "Search re-index "
                    + run.id()
                    + ": version "
                    + versionId
                    + " failed ("
                    + e.getClass().getSimpleName()
                    + ")");
            outcome = ReindexWork.Outcome.FAILED;
          }
          run = run.count(outcome);
          current = run;
        }
        LOG.info(
            "Search re-index "
                + run.id()
                + ": "
                + run.processed()
                + "/"
                + run.total()
                + " versions ("
                + run.indexed()
                + " indexed, "
                + run.notIndexed()
                + " without text, "
                + run.failed()
                + " failed, "
                + run.skipped()
                + " skipped)");
      }
      run = run.end("DONE");
      current = run;
      LOG.info("Search re-index " + run.id() + " done: " + run.processed() + " versions");
      accessLog.appendAlone(
          AccessEvent.jobEnded(
              actor,
              role,
              Action.SEARCH_REINDEX,
              Target.searchIndex(run.id()),
              Outcome.ALLOWED,
              "admin-search",
              "re-index "
                  + run.scope()
                  + " finished: "
                  + run.processed()
                  + " versions, "
                  + run.indexed()
                  + " indexed, "
                  + run.failed()
                  + " failed"));
    } catch (RuntimeException e) {
      run = run.end("FAILED");
      current = run;
      LOG.severe(
          "Search re-index "
              + run.id()
              + " failed after "
              + run.processed()
              + " versions: "
              + e.getClass().getSimpleName()
              + " (start again to resume)");
      accessLog.appendAlone(
          AccessEvent.jobEnded(
              actor,
              role,
              Action.SEARCH_REINDEX,
              Target.searchIndex(run.id()),
              Outcome.FAILED,
              "admin-search",
              "re-index failed after " + run.processed() + " versions"));
    }
  }
}

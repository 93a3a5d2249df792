package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.AccessEvent;
import org.zhusan.vault.audit.AccessLog;

/**
 * A re-index run's progress while the index changes under it (uploads are indexed by the queue's
 * workers while a run goes on): its total is the work set it listed when it started, and it ends
 * with processed equal to total — never beyond it, never short of it. The database is a fake: the
 * set of versions in the run's scope, changed by the test between two versions of the run.
 */
class SearchReindexerTest {
  private final TreeSet<UUID> inScope = new TreeSet<>();
  private final List<UUID> reindexed = new ArrayList<>();

  /** What happens elsewhere while the run re-indexes its first version. */
  private Runnable meanwhile = () -> {};

  private final SearchReindexer reindexer = new SearchReindexer();

  SearchReindexerTest() {
    reindexer.settings = new SearchSettings();
    reindexer.settings.reindexBatchSize = 2;
    reindexer.accessLog =
        new AccessLog() {
          @Override
          public long appendAlone(AccessEvent event) {
            return 0;
          }
        };
    reindexer.work =
        new ReindexWork() {
          @Override
          public List<UUID> versionsToDo(Scope scope) {
            return new ArrayList<>(inScope);
          }

          @Override
          public Set<UUID> stillToDo(List<UUID> versionIds, Scope scope) {
            Set<UUID> still = new TreeSet<>(versionIds);
            still.retainAll(inScope);
            return still;
          }

          @Override
          public int purgeShredded() {
            return 0;
          }

          @Override
          public Outcome reindex(UUID versionId) {
            Runnable once = meanwhile;
            meanwhile = () -> {};
            once.run();
            reindexed.add(versionId);
            inScope.remove(versionId);
            return Outcome.INDEXED;
          }
        };
  }

  @Test
  void aVersionEnteringTheScopeDuringTheRunIsLeftToTheNextRun() {
    inScope.add(version(1));
    meanwhile = () -> inScope.add(version(5)); // e.g. indexed under an old key by a worker
    List<SearchReindexer.ReindexRun> started = new ArrayList<>();
    SearchReindexer.ReindexRun run = reindexer.runOldKeyHere("admin", "ADMIN", started::add);
    assertEquals(1, started.size());
    assertEquals(run.id(), started.get(0).id());
    assertEquals(1, started.get(0).total()); // known before the first version is done
    assertEquals(0, started.get(0).processed());
    assertEquals("DONE", run.state());
    assertEquals(1, run.total());
    assertEquals(1, run.processed(), run::toString);
    assertEquals(List.of(version(1)), reindexed);
    assertEquals(Set.of(version(5)), inScope); // the next run's work
  }

  @Test
  void aVersionLeavingTheScopeDuringTheRunIsSkippedAndTheRunStillEndsFull() {
    for (int i = 1; i <= 5; i++) {
      inScope.add(version(i));
    }
    meanwhile = () -> inScope.remove(version(4)); // indexed by its worker meanwhile
    SearchReindexer.ReindexRun run = reindexer.runOldKeyHere("admin", "ADMIN", r -> {});
    assertEquals(5, run.total());
    assertEquals(5, run.processed(), run::toString);
    assertEquals(4, run.indexed());
    assertEquals(1, run.skipped());
    assertEquals(List.of(version(1), version(2), version(3), version(5)), reindexed);
  }

  @Test
  void nothingToDoIsZeroOfZero() {
    SearchReindexer.ReindexRun run = reindexer.runOldKeyHere("admin", "ADMIN", r -> {});
    assertEquals("DONE", run.state());
    assertEquals(0, run.total());
    assertEquals(0, run.processed());
  }

  private static UUID version(int n) {
    return new UUID(0, n);
  }
}

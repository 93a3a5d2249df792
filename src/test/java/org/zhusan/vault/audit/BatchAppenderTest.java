package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group-commit queue in front of the access log, with the database write replaced by a
 * recorder.
 */
class BatchAppenderTest {
  private final List<List<String>> written = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService callers = Executors.newFixedThreadPool(8);
  private BatchAppender appender;
  private final CountDownLatch firstStarted = new CountDownLatch(1);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);

  @AfterEach
  void stop() {
    appender.stop();
    callers.shutdownNow();
  }

  @Test
  void entriesQueuedWhileABatchIsBeingWrittenGoIntoTheNextBatchTogether() throws Exception {
    appender =
        appender(
            Duration.ofSeconds(10),
            records -> {
              holdFirstBatch();
              return null;
            });
    Future<long[]> first = callers.submit(() -> appender.appendAll(List.of(request("first"))));
    assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
    List<Future<long[]>> others = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String user = "u" + i;
      others.add(callers.submit(() -> appender.appendAll(List.of(request(user)))));
    }
    waitUntil(() -> appender.queued() == 6);
    releaseFirst.countDown();
    assertEquals(0L, first.get(5, TimeUnit.SECONDS)[0]);
    List<Long> sequences = new ArrayList<>();
    for (Future<long[]> f : others) {
      sequences.add(f.get(5, TimeUnit.SECONDS)[0]);
    }
    assertEquals(
        2, written.size(), "one batch for the first entry, one for the six queued behind it");
    assertEquals(6, written.get(1).size());
    Collections.sort(sequences);
    assertEquals(
        List.of(1L, 2L, 3L, 4L, 5L, 6L),
        sequences,
        "each caller gets its own entry's sequence number");
  }

  @Test
  void oneCallersEntriesAreAppendedInTheirOrder() {
    appender = appender(Duration.ofSeconds(10), records -> null);
    long[] sequences = appender.appendAll(List.of(request("a"), request("b"), request("c")));
    assertArrayEquals(new long[] {0, 1, 2}, sequences);
    assertEquals(List.of("a", "b", "c"), written.stream().flatMap(List::stream).toList());
  }

  @Test
  void aBatchTheDatabaseRejectsIsRetriedEntryByEntrySoOnlyTheBadEntryFails() throws Exception {
    appender =
        appender(
            Duration.ofSeconds(10),
            records -> {
              holdFirstBatch();
              return records.contains("bad") ? new IllegalStateException("rejected") : null;
            });
    callers.submit(() -> appender.appendAll(List.of(request("first"))));
    assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
    Future<long[]> good1 = callers.submit(() -> appender.appendAll(List.of(request("good1"))));
    Future<long[]> bad = callers.submit(() -> appender.appendAll(List.of(request("bad"))));
    Future<long[]> good2 = callers.submit(() -> appender.appendAll(List.of(request("good2"))));
    waitUntil(() -> appender.queued() == 3);
    releaseFirst.countDown();
    good1.get(5, TimeUnit.SECONDS);
    good2.get(5, TimeUnit.SECONDS);
    Exception e = assertThrows(Exception.class, () -> bad.get(5, TimeUnit.SECONDS));
    assertTrue(
        e.getCause() instanceof BatchAppender.AppendFailedException, String.valueOf(e.getCause()));
  }

  @Test
  void aCallerWhoseEntryIsNotCommittedInTimeFailsAndItsEntryIsNotWrittenLater() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    appender =
        appender(
            Duration.ofMillis(200),
            records -> {
              if (records.contains("stuck")) {
                await(release);
              }
              return null;
            });
    Future<long[]> stuck = callers.submit(() -> appender.appendAll(List.of(request("stuck"))));
    waitUntil(() -> written.size() == 1);
    assertThrows(
        BatchAppender.AppendFailedException.class,
        () -> appender.appendAll(List.of(request("late"))));
    release.countDown();
    assertEquals(
        0L,
        stuck.get(5, TimeUnit.SECONDS)[0],
        "the leader's batch commits once the database answers"
            + " (in the vault, a statement timeout of vault.audit.append-wait bounds that)");
    appender.appendAll(List.of(request("after")));
    assertTrue(
        written.stream().noneMatch(b -> b.contains("late")),
        "a timed-out caller's entry is not written afterwards");
  }

  @Test
  void aBatchWrittenAgainstAHeadAnotherInstanceMovedIsWrittenAgainAfterReadingTheHead() {
    appender = appender(Duration.ofSeconds(10), records -> null);
    assertArrayEquals(new long[] {0}, appender.appendAll(List.of(request("a"))));
    next += 5; // another instance appended five entries
    assertArrayEquals(
        new long[] {6}, appender.appendAll(List.of(request("b"))), "no failure reaches the caller");
    assertArrayEquals(new long[] {7}, appender.appendAll(List.of(request("c"))));
  }

  @Test
  void afterStopCallersFailAtOnce() {
    appender = appender(Duration.ofSeconds(10), records -> null);
    appender.appendAll(List.of(request("a")));
    appender.stop();
    assertThrows(
        BatchAppender.AppendFailedException.class, () -> appender.appendAll(List.of(request("b"))));
  }

  /**
   * An appender whose database write records the batch's user ids and assigns sequence numbers, or
   * fails with what {@code outcome} returns.
   */
  /**
   * Sequence numbers the fake log hands out next; a test moves it to play another instance
   * appending.
   */
  private long next;

  private BatchAppender appender(Duration wait, Function<List<String>, RuntimeException> outcome) {
    BatchAppender a = new BatchAppender();
    a.maxWait = wait;
    a.batchMax = 256;
    a.gate = new AppendGate();
    a.writer =
        (records, known) -> {
          if (known != null && known.nextSequence() != next) {
            throw new IllegalStateException("stale head"); // as the append trigger would
          }
          List<String> users = records.stream().map(r -> r.event().userId()).toList();
          written.add(users);
          RuntimeException failure = outcome.apply(users);
          if (failure != null) {
            throw failure;
          }
          long[] sequences = new long[records.size()];
          for (int i = 0; i < sequences.length; i++) {
            sequences[i] = next++;
          }
          return new AccessLog.Appended(sequences, new AccessLog.Head(next, new byte[32]));
        };
    return a;
  }

  /**
   * Keeps the first batch "in the database" until {@code releaseFirst}, so that others queue up.
   */
  private void holdFirstBatch() {
    if (written.size() == 1) {
      firstStarted.countDown();
      await(releaseFirst);
    }
  }

  private static EntryRequest request(String user) {
    return new EntryRequest(
        AccessEvent.allowed(user, "DOCTOR", "SUBJECT_READ", "SUBJECT", "s-1"),
        "127.0.0.1",
        "r-" + user);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 5 s");
      }
      Thread.sleep(5);
    }
  }
}

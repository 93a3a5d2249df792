package org.zhusan.vault.audit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit for entries that need not share a transaction with their action: denials, failures,
 * and the decisions of actions that change nothing (reads). Callers queue their entries; one of the
 * waiting callers at a time leads — it takes whatever has queued up (its own entries among them)
 * and appends it in one transaction on the log's own connection ({@link LogConnection}), one
 * head-row lock and one WAL flush for the whole batch, then hands the lead to the oldest caller
 * still waiting. A caller returns once the transaction holding its entries has committed (see
 * docs/audit-log.md, "Cost on the request path"). Leading from the callers' own threads, rather
 * than from a writer thread, spares each batch two thread hand-overs, which on a busy machine cost
 * more than the write.
 *
 * <p>The appender remembers the head its last batch left, so that the next batch need not lock and
 * read it first; when another instance has appended meanwhile, the database rejects the batch and
 * it is written again after reading the head.
 *
 * <p>Fail closed: a caller whose entry is not committed within {@code vault.audit.append-wait}, or
 * whose entry could not be written, gets {@link AppendFailedException} and must not carry out the
 * action. A batch that fails is retried entry by entry, so that one entry the database rejects
 * fails only its own request.
 */
@ApplicationScoped
public class BatchAppender {
  private static final Logger LOG = Logger.getLogger(BatchAppender.class.getName());

  /**
   * Batches still to be written after reading the head, following a conflict with another instance.
   */
  private static final int LOCKED_AFTER_CONFLICT = 64;

  /** Writes one batch in one transaction. */
  interface BatchWriter {
    /**
     * @param known the head as the last batch left it, or null to lock and read it first
     * @throws RuntimeException if nothing was written (the transaction rolled back)
     */
    AccessLog.Appended write(List<EntryRequest> records, AccessLog.Head known);
  }

  /** One queued entry, the caller waiting for its sequence number, and that caller's thread. */
  record Pending(EntryRequest record, CompletableFuture<Long> done, Thread waiter) {}

  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean leading = new AtomicBoolean();

  @Inject LogConnection connection;

  /** The database write; {@link #connection} unless a test replaces it. */
  BatchWriter writer;

  @Inject AppendGate gate;

  @Inject
  @ConfigProperty(name = "vault.audit.append-wait", defaultValue = "PT30S")
  Duration maxWait;

  @Inject
  @ConfigProperty(name = "vault.audit.append-batch-max", defaultValue = "256")
  int batchMax;

  /**
   * The head after the last batch, while no other append is known to have moved it (leader only).
   */
  private volatile AccessLog.Head head;

  /** Leader only. */
  private int lockedBatchesLeft;

  private volatile boolean stopped;

  /**
   * Appends the records in their order (possibly interleaved with others' entries) and returns once
   * they are committed.
   *
   * @return their sequence numbers
   * @throws AppendFailedException if they are not committed within the configured wait
   */
  long[] appendAll(List<EntryRequest> records) {
    if (stopped) {
      throw new AppendFailedException("the access log appender has stopped");
    }
    long deadline = System.nanoTime() + maxWait.toNanos();
    List<Pending> mine = new ArrayList<>(records.size());
    for (EntryRequest r : records) {
      Pending p = new Pending(r, new CompletableFuture<>(), Thread.currentThread());
      mine.add(p);
      queue.add(p);
    }
    while (!mine.stream().allMatch(p -> p.done().isDone())) {
      if (leading.compareAndSet(false, true)) {
        try {
          lead(deadline);
        } finally {
          leading.set(false);
          handOver();
        }
        continue;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || Thread.interrupted()) {
        // Entries still queued are skipped by the next leader; one already in a batch may still
        // commit, which records an access that did not take place — never the other way round.
        mine.forEach(p -> p.done().cancel(false));
        if (left > 0) {
          Thread.currentThread().interrupt();
        }
        throw new AppendFailedException(
            left <= 0
                ? "timed out after " + maxWait + " waiting for the access log"
                : "interrupted");
      }
      LockSupport.parkNanos(
          this, left); // woken when a leader completes our entries or hands us the lead
    }
    long[] sequences = new long[mine.size()];
    for (int i = 0; i < sequences.length; i++) {
      try {
        sequences[i] = mine.get(i).done().get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof AppendFailedException a
            ? a
            : new AppendFailedException(e.getCause().getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AppendFailedException("interrupted");
      } catch (CancellationException e) {
        throw new AppendFailedException("timed out");
      }
    }
    return sequences;
  }

  /**
   * Writes one batch of the oldest queued entries (the leader's own entries among them, unless
   * older ones fill it).
   */
  private void lead(long deadline) {
    List<Pending> batch = new ArrayList<>();
    for (Pending p; batch.size() < batchMax && (p = queue.poll()) != null; ) {
      if (!p.done().isDone()) {
        batch.add(p);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      if (!gate.enterAlone(deadline - System.nanoTime())) {
        fail(batch, new AppendFailedException("timed out waiting for the log head"));
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(batch, new AppendFailedException("interrupted"));
      return;
    }
    try {
      write(batch);
    } catch (RuntimeException | Error e) {
      LOG.log(
          Level.SEVERE,
          "Access log batch failed (" + e.getClass().getSimpleName() + "); its requests fail");
      fail(batch, e);
    } finally {
      gate.leaveAlone();
    }
  }

  private void write(List<Pending> batch) {
    List<EntryRequest> records = batch.stream().map(Pending::record).toList();
    AccessLog.Head known = head;
    if (known != null && lockedBatchesLeft == 0) {
      try {
        complete(batch, writer().write(records, known));
        return;
      } catch (RuntimeException moved) {
        // Another instance appended meanwhile: read the head and try again. While instances take
        // turns, remembering the head would mostly cost a failed round trip, so lock for a while.
        head = null;
        lockedBatchesLeft = LOCKED_AFTER_CONFLICT;
      }
    } else if (lockedBatchesLeft > 0) {
      lockedBatchesLeft--;
    }
    try {
      complete(batch, writer().write(records, null));
    } catch (RuntimeException e) {
      head = null;
      if (batch.size() == 1) {
        LOG.log(
            Level.SEVERE,
            "Access log entry could not be written (" + e.getClass().getSimpleName() + ")");
        fail(batch, e);
        return;
      }
      LOG.log(
          Level.WARNING,
          "Access log batch of "
              + batch.size()
              + " could not be written ("
              + e.getClass().getSimpleName()
              + "); writing its entries one by one");
      for (Pending p : batch) {
        write(List.of(p));
      }
    }
  }

  private BatchWriter writer() {
    return writer != null ? writer : connection;
  }

  private void complete(List<Pending> batch, AccessLog.Appended appended) {
    head = appended.head();
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(appended.sequences()[i]);
      wake(batch.get(i));
    }
  }

  private static void fail(List<Pending> batch, Throwable cause) {
    for (Pending p : batch) {
      p.done().completeExceptionally(cause);
      wake(p);
    }
  }

  private static void wake(Pending p) {
    if (p.waiter() != Thread.currentThread()) {
      LockSupport.unpark(p.waiter());
    }
  }

  /** After leading: the oldest caller still waiting (if any) tries to lead next. */
  private void handOver() {
    for (Pending p; (p = queue.peek()) != null; ) {
      if (!p.done().isDone()) {
        LockSupport.unpark(p.waiter());
        return;
      }
      queue.remove(p);
    }
  }

  /**
   * Forgets the head the last batch left: called when an append in a container transaction of this
   * instance moves it, so that the next batch reads it instead of failing on a stale one.
   */
  void headMoved() {
    head = null;
  }

  /** Entries waiting for a leader (for tests and diagnostics). */
  int queued() {
    return queue.size();
  }

  @PreDestroy
  void stop() {
    stopped = true;
    AppendFailedException cause = new AppendFailedException("the access log appender has stopped");
    for (Pending p; (p = queue.poll()) != null; ) {
      p.done().completeExceptionally(cause);
      wake(p);
    }
  }

  /** An entry could not be committed; the caller must fail its request (503). */
  static final class AppendFailedException extends RuntimeException {
    AppendFailedException(String message) {
      super(message);
    }
  }
}

package org.zhusan.vault.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit for entries that need not share a transaction with their action: denials, failures,
 * and the decisions of actions that change nothing (reads). Callers hand their entries to one
 * writer thread and wait until the transaction holding them has committed; the writer appends
 * whatever has queued up meanwhile in one transaction — one head-row lock and one WAL flush for the
 * whole batch instead of one per request (see docs/audit-log.md, "Cost on the request path"). It
 * remembers the head its last batch left, so that the next batch need not lock and read it first
 * (one round trip less while the log is idle between batches); when another instance has appended
 * meanwhile, the database rejects the batch and it is written again after reading the head.
 *
 * <p>Fail closed: a caller whose entry is not committed within {@code vault.audit.append-wait}, or
 * whose entry could not be written, gets an exception and must not carry out the action. A batch
 * that fails is retried entry by entry, so that one entry the database rejects fails only its own
 * request.
 */
@ApplicationScoped
public class BatchAppender {
  private static final Logger LOG = Logger.getLogger(BatchAppender.class.getName());

  /** One queued entry and the caller waiting for its sequence number. */
  record Pending(EntryRequest record, CompletableFuture<Long> done) {}

  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

  @Inject AccessLog log;

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "vault.audit.append-wait", defaultValue = "PT30S")
  Duration maxWait;

  @Inject
  @ConfigProperty(name = "vault.audit.append-batch-max", defaultValue = "256")
  int batchMax;

  /** The head after this appender's last batch, while no other append is known to have moved it. */
  private volatile AccessLog.Head head;

  /** Batches still to be written after reading the head, following a conflict with another instance. */
  private int lockedBatchesLeft;

  private static final int LOCKED_AFTER_CONFLICT = 64;

  private Thread writer;
  private volatile boolean stopped;

  /**
   * Appends the records in their order (possibly interleaved with others' entries) and returns once
   * they are committed.
   *
   * @return their sequence numbers
   * @throws AppendFailedException if they are not committed within the configured wait
   */
  long[] appendAll(List<EntryRequest> records) {
    startWriter();
    List<CompletableFuture<Long>> waiting = new ArrayList<>(records.size());
    for (EntryRequest r : records) {
      CompletableFuture<Long> done = new CompletableFuture<>();
      queue.add(new Pending(r, done));
      waiting.add(done);
    }
    long deadline = System.nanoTime() + maxWait.toNanos();
    long[] sequences = new long[records.size()];
    try {
      for (int i = 0; i < sequences.length; i++) {
        sequences[i] = waiting.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
      return sequences;
    } catch (TimeoutException e) {
      // Cancelled entries still queued are skipped by the writer; one already in a batch may still
      // commit, which records an access that did not take place — never the other way round.
      waiting.forEach(f -> f.cancel(false));
      throw new AppendFailedException("timed out after " + maxWait + " waiting for the access log");
    } catch (ExecutionException e) {
      throw new AppendFailedException(e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      waiting.forEach(f -> f.cancel(false));
      throw new AppendFailedException("interrupted");
    }
  }

  /** Entries waiting for the writer (for tests and diagnostics). */
  int queued() {
    return queue.size();
  }

  private synchronized void startWriter() {
    if (writer != null || stopped) {
      if (stopped) {
        throw new AppendFailedException("the access log writer has stopped");
      }
      return;
    }
    writer = threads.newThread(this::writeUntilStopped);
    writer.setName("access-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  private void writeUntilStopped() {
    List<Pending> batch = new ArrayList<>();
    while (!stopped) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, batchMax - 1);
        batch.removeIf(p -> p.done().isDone());
        if (!batch.isEmpty()) {
          write(batch);
        }
      } catch (InterruptedException e) {
        if (!stopped) {
          LOG.warning("Access log writer interrupted; carrying on");
        }
      } catch (RuntimeException | Error e) {
        // Never let the writer die: every waiting request would time out instead of failing at once.
        LOG.log(Level.SEVERE, "Access log writer failed on a batch; its requests fail (" + e.getClass().getSimpleName() + ")");
        batch.forEach(p -> p.done().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
    failAll(new AppendFailedException("the access log writer has stopped"));
  }

  private void write(List<Pending> batch) {
    List<EntryRequest> records = batch.stream().map(Pending::record).toList();
    AccessLog.Head known = head;
    if (known != null && lockedBatchesLeft == 0) {
      try {
        complete(batch, log.writeBatch(records, known));
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
      complete(batch, log.writeBatch(records, null));
    } catch (RuntimeException e) {
      head = null;
      if (batch.size() == 1) {
        LOG.log(Level.SEVERE, "Access log entry could not be written (" + e.getClass().getSimpleName() + ")");
        batch.get(0).done().completeExceptionally(e);
        return;
      }
      LOG.log(Level.WARNING, "Access log batch of " + batch.size() + " could not be written ("
          + e.getClass().getSimpleName() + "); writing its entries one by one");
      for (Pending p : batch) {
        write(List.of(p));
      }
    }
  }

  private void complete(List<Pending> batch, AccessLog.Appended appended) {
    head = appended.head();
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(appended.sequences()[i]);
    }
  }

  /**
   * Forgets the head this instance last left: called when an append in another transaction of this
   * instance moves it, so that the next batch reads it instead of failing on a stale one.
   */
  void headMoved() {
    head = null;
  }

  private void failAll(RuntimeException cause) {
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.done().completeExceptionally(cause));
  }

  @PreDestroy
  synchronized void stop() {
    stopped = true;
    if (writer != null) {
      writer.interrupt();
    }
    failAll(new AppendFailedException("the access log writer has stopped"));
  }

  /** An entry could not be committed; the caller must fail its request (503). */
  static final class AppendFailedException extends RuntimeException {
    AppendFailedException(String message) {
      super(message);
    }
  }
}

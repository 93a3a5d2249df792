package org.zhusan.vault.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets one transaction of this instance at a time append to the access log, from its first append
 * until it has committed or rolled back.
 *
 * <p>Why: appends are serialised anyway by the row lock on {@code access_log_head}, which is held
 * to commit (and still orders appends across instances). Without this gate every concurrent request
 * queues for that row inside PostgreSQL, where each hand-over costs lock-manager work and wake-ups
 * of the waiting backends; queuing here, in the JVM, costs a park and an unpark and leaves at most
 * one backend per instance waiting on the row. A fair semaphore rather than a lock, because the
 * transaction may complete on another thread than the one that appended (a timeout, say).
 */
@ApplicationScoped
public class AppendGate {
  private static final Logger LOG = Logger.getLogger(AppendGate.class.getName());
  private static final Object HELD = AppendGate.class;

  private final Semaphore permit = new Semaphore(1, true);

  /** The thread whose transaction holds the gate, while one does. */
  private volatile Thread holder;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "vault.audit.append-wait", defaultValue = "PT30S")
  Duration maxWait;

  /** Whether the current transaction has entered the gate (and so holds the log head). */
  boolean heldByCurrentTransaction() {
    return transactions.getTransactionKey() != null && transactions.getResource(HELD) != null;
  }

  /**
   * Whether a transaction of this thread, the current one or a suspended outer one, holds the gate:
   * this thread must then not wait for an append made by anyone else.
   */
  boolean heldByCurrentThread() {
    return holder == Thread.currentThread();
  }

  /**
   * Enters the gate for work outside any transaction of the container (the access log's own
   * connection, see {@link LogConnection}); the caller must {@link #leaveAlone()} when its work has
   * committed or rolled back.
   */
  boolean enterAlone(long nanos) throws InterruptedException {
    if (!permit.tryAcquire(Math.max(0, nanos), TimeUnit.NANOSECONDS)) {
      return false;
    }
    holder = Thread.currentThread();
    return true;
  }

  void leaveAlone() {
    holder = null;
    permit.release();
  }

  /**
   * Enters the gate for the current transaction (at once if it already holds it) and leaves it when
   * the transaction completes.
   *
   * @return false if the gate could not be entered within {@code vault.audit.append-wait}, or at
   *     once if this thread's own suspended outer transaction holds it
   */
  boolean enter() throws InterruptedException {
    if (transactions.getResource(HELD) != null) {
      return true;
    }
    if (holder == Thread.currentThread()) {
      // A new transaction appending while this thread's suspended outer transaction holds the gate
      // (and the head row): waiting could never end, in the JVM or in PostgreSQL.
      LOG.severe(
          "Access log append in a nested transaction while the outer one holds the log head;"
              + " refused");
      return false;
    }
    if (!permit.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    holder = Thread.currentThread();
    try {
      transactions.putResource(HELD, Boolean.TRUE);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              holder = null;
              permit.release();
            }
          });
      return true;
    } catch (RuntimeException e) {
      holder = null;
      permit.release();
      throw e;
    }
  }
}

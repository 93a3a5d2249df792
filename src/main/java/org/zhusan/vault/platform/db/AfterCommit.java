package org.zhusan.vault.platform.db;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs something once the caller's JTA transaction has committed (not if it rolls back). */
public final class AfterCommit {
  private AfterCommit() {}

  /** Registers {@code action} to run after a successful commit of the current transaction. */
  public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }
}

package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-JVM append gate: one appending transaction at a time, re-entrant per transaction. */
class AppendGateTest {

  /** A transaction as the gate sees it: resources and interposed synchronizations. */
  static final class FakeTransaction implements TransactionSynchronizationRegistry {
    final Map<Object, Object> resources = new HashMap<>();
    final List<Synchronization> synchronizations = new ArrayList<>();

    void complete() {
      synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
    }

    @Override
    public Object getTransactionKey() {
      return this;
    }

    @Override
    public void putResource(Object key, Object value) {
      resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
      return Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }

  private static AppendGate gate(FakeTransaction tx, Duration wait) {
    AppendGate gate = new AppendGate();
    gate.transactions = tx;
    gate.maxWait = wait;
    return gate;
  }

  @Test
  void aTransactionEntersOnceAndAgainWithoutWaiting() throws Exception {
    FakeTransaction tx = new FakeTransaction();
    AppendGate gate = gate(tx, Duration.ofMillis(50));
    assertTrue(gate.enter());
    assertTrue(gate.enter());
    assertEquals(1, tx.synchronizations.size(), "released once, when the transaction completes");
  }

  @Test
  void anotherThreadWaitsUntilTheHolderCompletesAndTimesOutOtherwise() throws Exception {
    FakeTransaction first = new FakeTransaction();
    AppendGate gate = gate(first, Duration.ofMillis(200));
    assertTrue(gate.enter());

    FakeTransaction second = new FakeTransaction();
    gate.transactions = second; // the registry answers for the calling thread's transaction
    assertFalse(
        CompletableFuture.supplyAsync(() -> enter(gate)).get(5, TimeUnit.SECONDS),
        "times out while held");

    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> enter(gate));
    first.complete();
    assertTrue(waiting.get(5, TimeUnit.SECONDS), "enters once the holder completed");
  }

  @Test
  void aNestedTransactionOnTheHoldersThreadIsRefusedAtOnce() throws Exception {
    FakeTransaction outer = new FakeTransaction();
    AppendGate gate = gate(outer, Duration.ofSeconds(30));
    assertTrue(gate.enter());
    gate.transactions = new FakeTransaction(); // REQUIRES_NEW on the same thread
    long start = System.nanoTime();
    assertFalse(gate.enter());
    assertTrue(
        System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5),
        "refused without waiting for the timeout");
  }

  private static boolean enter(AppendGate gate) {
    try {
      return gate.enter();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}

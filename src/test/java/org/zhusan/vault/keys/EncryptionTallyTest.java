package org.zhusan.vault.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EncryptionTallyTest {
  private final UUID a = UUID.randomUUID();
  private final UUID b = UUID.randomUUID();

  @Test
  void everyPlannedEncryptionIsWrittenOncePerKey() {
    EncryptionTally tally = new EncryptionTally();
    assertTrue(tally.add(a, 5, 1, 100));
    assertTrue(tally.add(b, 0, 1, 100));
    assertTrue(tally.add(a, 5, 1, 100));
    assertTrue(tally.add(a, 5, 3, 100));
    assertEquals(5, tally.planned(a));
    assertFalse(tally.written());
    assertEquals(Map.of(a, 5L, b, 1L), tally.drain());
    assertTrue(tally.written());
    assertEquals(Map.of(), tally.drain(), "drained once: nothing is counted twice");
  }

  @Test
  void theLimitCountsWhatThisTransactionAlreadyPlanned() {
    EncryptionTally tally = new EncryptionTally();
    // persisted 8 of 10: two more fit, a third does not, even though each alone would
    assertTrue(tally.add(a, 8, 1, 10));
    assertTrue(tally.add(a, 8, 1, 10));
    assertFalse(tally.add(a, 8, 1, 10));
    assertEquals(2, tally.planned(a), "a refused encryption is not counted");
    assertFalse(tally.add(b, 10, 1, 10), "a key at its limit takes no more");
    assertEquals(Map.of(a, 2L), tally.drain());
  }

  @Test
  void refusesNonPositiveCounts() {
    assertThrows(IllegalArgumentException.class, () -> new EncryptionTally().add(a, 0, 0, 10));
  }
}

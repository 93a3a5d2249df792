package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private final AuditEntry entry = AuditEntryFixtures.typicalRead();

  @Test
  void requiresWhoWhatAndOutcome() {
    assertThrows(NullPointerException.class, () -> entry.toBuilder().userId(null).build());
    assertThrows(IllegalArgumentException.class, () -> entry.toBuilder().role("").build());
    assertThrows(NullPointerException.class, () -> entry.toBuilder().action(null).build());
    assertThrows(NullPointerException.class, () -> entry.toBuilder().occurredAt(null).build());
    assertThrows(
        NullPointerException.class, () -> entry.toBuilder().previousLeafHash(null).build());
  }

  @Test
  void acceptsOnlyKnownOutcomes() {
    entry.toBuilder().outcome("DENIED").build();
    entry.toBuilder().outcome("FAILED").build();
    assertThrows(
        IllegalArgumentException.class, () -> entry.toBuilder().outcome("allowed").build());
  }

  @Test
  void rejectsNegativeSequence() {
    assertThrows(IllegalArgumentException.class, () -> entry.toBuilder().sequence(-1).build());
  }

  @Test
  void rejectsSubMicrosecondTimes() {
    Instant nanos = Instant.parse("2025-11-25T06:36:00.123456789Z");
    assertThrows(IllegalArgumentException.class, () -> entry.toBuilder().occurredAt(nanos).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> entry.toBuilder().occurredAt(Instant.MAX.minusNanos(999_999_999)).build());
  }

  @Test
  void rejectsUnpairedSurrogates() {
    assertThrows(
        IllegalArgumentException.class, () -> entry.toBuilder().reason("bad \uD800 text").build());
    assertThrows(IllegalArgumentException.class, () -> entry.toBuilder().reason("\uDC00").build());
    entry.toBuilder().reason("ok \uD83D\uDE91").build();
  }

  @Test
  void rejectsOverlongText() {
    String limit = "x".repeat(AuditEntry.MAX_TEXT_BYTES);
    entry.toBuilder().justification(limit).build();
    assertThrows(
        IllegalArgumentException.class, () -> entry.toBuilder().justification(limit + "x").build());
    // 'é' is two bytes in UTF-8: the limit is on bytes, not characters.
    assertThrows(
        IllegalArgumentException.class,
        () -> entry.toBuilder().justification("é".repeat(40_000)).build());
  }

  @Test
  void previousLeafHashMustBe32BytesAndIsCopied() {
    assertThrows(
        IllegalArgumentException.class,
        () -> entry.toBuilder().previousLeafHash(new byte[31]).build());
    byte[] hash = new byte[32];
    AuditEntry e = entry.toBuilder().previousLeafHash(hash).build();
    hash[0] = 1;
    e.previousLeafHash()[1] = 1;
    assertArrayEquals(new byte[32], e.previousLeafHash());
  }

  @Test
  void equalityIsByValueIncludingTheHash() {
    assertEquals(entry, entry.toBuilder().build());
    assertEquals(entry.hashCode(), entry.toBuilder().build().hashCode());
    assertNotEquals(entry, entry.toBuilder().previousLeafHash(new byte[32]).build());
    assertNotEquals(entry, entry.toBuilder().centre(null).build());
  }

  @Test
  void microsecondsCountFromTheEpoch() {
    assertEquals(1_764_052_560_123_456L, entry.occurredAtMicros());
    assertEquals(-1L, AuditEntryFixtures.deniedBreakGlass().occurredAtMicros());
  }
}

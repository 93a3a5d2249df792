package org.zhusan.vault.audit.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointTest {

  private final Checkpoint checkpoint =
      new Checkpoint(
          "zhusan-vault/audit-log/v1",
          8,
          Rfc6962TestVectors.ROOTS.get(7),
          Instant.parse("2025-11-25T06:36:00.123456Z"));

  @Test
  void bodyIsFourNewlineTerminatedLines() {
    assertEquals(
        "zhusan-vault/audit-log/v1\n"
            + "8\n"
            + "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"
            + "2025-11-25T06:36:00.123456Z\n",
        checkpoint.body());
  }

  @Test
  void parseBodyInvertsBody() {
    assertEquals(checkpoint, Checkpoint.parseBody(checkpoint.body()));
  }

  @Test
  void parseBodyRejectsAnyNonCanonicalSpelling() {
    String body = checkpoint.body();
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoint.parseBody(body.replace("\n8\n", "\n08\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoint.parseBody(body.replace("\n8\n", "\n+8\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoint.parseBody(body.replace(".123456Z", ".123456000Z")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoint.parseBody(body.replace("Z\n", "+00:00\n")));
    assertThrows(
        IllegalArgumentException.class, () -> Checkpoint.parseBody(body.replace("=\n", "\n")));
    assertThrows(IllegalArgumentException.class, () -> Checkpoint.parseBody(body + "extra\n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoint.parseBody(body.substring(0, body.length() - 1)));
    assertThrows(
        IllegalArgumentException.class, () -> Checkpoint.parseBody(body.replace("\n", "\r\n")));
  }

  @Test
  void originMustBePrintableAscii() {
    byte[] root = new byte[32];
    Instant now = Instant.parse("2025-11-25T06:36:00Z");
    assertThrows(IllegalArgumentException.class, () -> new Checkpoint("", 0, root, now));
    assertThrows(IllegalArgumentException.class, () -> new Checkpoint("a\nb", 0, root, now));
    assertThrows(IllegalArgumentException.class, () -> new Checkpoint(" log", 0, root, now));
    assertThrows(IllegalArgumentException.class, () -> new Checkpoint("журнал", 0, root, now));
    assertThrows(IllegalArgumentException.class, () -> new Checkpoint("log", -1, root, now));
    assertThrows(IllegalArgumentException.class, () -> new Checkpoint("log", 0, new byte[31], now));
  }

  @Test
  void timestampsAreCanonical() {
    Instant t = Instant.parse("2025-11-25T06:36:00Z");
    assertEquals("2025-11-25T06:36:00Z", Checkpoint.formatTimestamp(t));
    assertEquals(t, Checkpoint.parseTimestamp("2025-11-25T06:36:00Z"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoint.parseTimestamp("2025-11-25T06:36:00.000Z"));
    assertThrows(
        IllegalArgumentException.class, () -> Checkpoint.parseTimestamp("2025-11-25 06:36:00Z"));
  }
}

package org.zhusan.vault.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

class ExportFormatTest {

  private static final ExportFixture LOG = new ExportFixture(3, 3);

  private final AuditEntry entry = LOG.entries.get(1);
  private final String line = ExportFormat.entryLine(entry);
  private final SignedCheckpoint checkpoint = (SignedCheckpoint) LOG.items().get(3);

  @Test
  void entryLineRoundTrips() {
    assertEquals(new ExportLine.EntryLine(entry), ExportFormat.parseLine(line));
  }

  @Test
  void checkpointLineRoundTrips() {
    assertEquals(
        new ExportLine.CheckpointLine(checkpoint),
        ExportFormat.parseLine(ExportFormat.checkpointLine(checkpoint)));
  }

  @Test
  void entryLineListsEveryFieldInEncodingOrder() {
    AuditEntry sample =
        AuditEntry.builder()
            .sequence(7)
            .occurredAt(Instant.parse("2025-11-25T06:36:00.120Z"))
            .userId("u-1")
            .role("LAWYER")
            .action("READ_DOCUMENT")
            .centre("")
            .outcome("ALLOWED")
            .previousLeafHash(new byte[32])
            .build();
    assertEquals(
        "{\"type\":\"entry\",\"sequence\":7,\"occurredAt\":\"2025-11-25T06:36:00.120Z\",\"userId\":\"u-1\","
            + "\"role\":\"LAWYER\",\"centre\":\"\",\"action\":\"READ_DOCUMENT\",\"targetType\":null,\"targetId\":null,"
            + "\"purpose\":null,\"justification\":null,\"outcome\":\"ALLOWED\",\"rule\":null,\"reason\":null,"
            + "\"breakGlass\":false,\"clientAddress\":null,\"requestId\":null,\"previousLeafHash\":\""
            + "0".repeat(64)
            + "\"}",
        ExportFormat.entryLine(sample));
  }

  @Test
  void nullAndEmptyStringsStayDistinct() {
    AuditEntry empty = entry.toBuilder().centre("").reason(null).build();
    AuditEntry parsed =
        ((ExportLine.EntryLine) ExportFormat.parseLine(ExportFormat.entryLine(empty))).entry();
    assertEquals("", parsed.centre());
    assertNull(parsed.reason());
  }

  @Test
  void nonAsciiTextRoundTrips() {
    AuditEntry text =
        entry.toBuilder().justification("Экстренная помощь \"в 3:00\"\n\uD83D\uDE91").build();
    assertEquals(
        new ExportLine.EntryLine(text), ExportFormat.parseLine(ExportFormat.entryLine(text)));
  }

  @Test
  void decodeIsStrict() {
    List<String> bad =
        List.of(
            "",
            "[]",
            "null",
            "{\"type\":\"entry\"}",
            "{\"type\":\"note\"}",
            line + " {}",
            line.replace("{\"type\":\"entry\",", "{\"type\":\"entry\",\"extra\":1,"),
            line.replace("{\"type\":\"entry\",", "{\"type\":\"entry\",\"type\":\"entry\","),
            line.replace("\"sequence\":1,", "\"sequence\":1.0,"),
            line.replace("\"sequence\":1,", "\"sequence\":1e0,"),
            line.replace("\"sequence\":1,", "\"sequence\":\"1\","),
            line.replace("\"sequence\":1,", "\"sequence\":-1,"),
            line.replace("\"sequence\":1,", "\"sequence\":18446744073709551617,"),
            line.replace("\"breakGlass\":false", "\"breakGlass\":0"),
            line.replace("\"breakGlass\":false", "\"breakGlass\":\"false\""),
            line.replace("\"userId\":\"", "\"userId\":null,\"x\":\""),
            line.replace("\"role\":\"", "\"role\":1,\"y\":\""),
            line.replace("Z\",\"userId\"", ".000Z\",\"userId\""),
            line.replace("\"previousLeafHash\":\"", "\"previousLeafHash\":\"A"),
            line.replace("\"outcome\":\"", "\"outcome\":\"X"));
    for (String text : bad) {
      assertThrows(IllegalArgumentException.class, () -> ExportFormat.parseLine(text), text);
    }
    String hashLine =
        ExportFormat.entryLine(entry.toBuilder().previousLeafHash(filled((byte) 0xab)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ExportFormat.parseLine(hashLine.replace("abab", "ABAB")));
  }

  @Test
  void checkpointDecodeIsStrict() {
    String cp = ExportFormat.checkpointLine(checkpoint);
    String root = java.util.Base64.getEncoder().encodeToString(checkpoint.checkpoint().rootHash());
    List<String> bad =
        List.of(
            cp.replace("\"size\":3", "\"size\":3.0"),
            cp.replace("\"size\":3", "\"size\":-3"),
            cp.replace(root, root.substring(0, root.length() - 1)),
            cp.replace("\"signature\":\"", "\"signature\":\"AAAA"),
            cp.replace(",\"signature\":", ",\"sig\":"),
            cp.replace("\"origin\":\"", "\"origin\":\" "));
    for (String text : bad) {
      assertThrows(IllegalArgumentException.class, () -> ExportFormat.parseLine(text), text);
    }
  }

  @Test
  void base64WithNonZeroPaddingBitsIsRejected() {
    // "...YmI=" and "...YmJ=" decode to the same bytes; only the canonical one is accepted.
    byte[] root = filled((byte) 0x62);
    SignedCheckpoint signed =
        new SignedCheckpoint(
            new Checkpoint("log", 1, root, Instant.parse("2025-11-25T06:36:00Z")), new byte[64]);
    String text = ExportFormat.checkpointLine(signed);
    String canonical = java.util.Base64.getEncoder().encodeToString(root);
    assertTrue(canonical.endsWith("YmI="));
    String sloppy = canonical.substring(0, canonical.length() - 2) + "J=";
    assertEquals(
        java.util.Arrays.toString(root),
        java.util.Arrays.toString(java.util.Base64.getDecoder().decode(sloppy)));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExportFormat.parseLine(text.replace(canonical, sloppy)));
  }

  private static byte[] filled(byte value) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, value);
    return bytes;
  }
}

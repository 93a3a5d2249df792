package org.zhusan.vault.audit.tree;

import java.time.Instant;
import java.util.HexFormat;

/** Sample entries shared by the tree tests. */
final class AuditEntryFixtures {

  private AuditEntryFixtures() {}

  /** A typical allowed read. Its encoding is pinned in {@link AuditEntryEncodingTest}. */
  static AuditEntry typicalRead() {
    byte[] previous = new byte[32];
    for (int i = 0; i < 32; i++) {
      previous[i] = (byte) i;
    }
    return AuditEntry.builder()
        .sequence(1)
        .occurredAt(Instant.parse("2025-11-25T06:36:00.123456Z"))
        .userId("u-042")
        .role("PSYCHOLOGIST")
        .centre("C07")
        .action("READ_VERSION")
        .targetType("VERSION")
        .targetId("v-9001")
        .purpose("TREATMENT")
        .outcome("ALLOWED")
        .rule("psych-eval.read")
        .clientAddress("10.1.2.3")
        .requestId("req-7")
        .previousLeafHash(previous)
        .build();
  }

  /**
   * A denied break-glass attempt before the epoch, with non-ASCII text, an empty rule and nulls.
   */
  static AuditEntry deniedBreakGlass() {
    return AuditEntry.builder()
        .sequence(0)
        .occurredAt(Instant.parse("1969-12-31T23:59:59.999999Z"))
        .userId("u-1")
        .role("DOCTOR")
        .action("BREAK_GLASS_OPEN")
        .targetType("SUBJECT")
        .targetId("s-1")
        .purpose("EMERGENCY")
        .justification("Экстренная помощь \uD83D\uDE91")
        .outcome("DENIED")
        .rule("")
        .reason("outside centre")
        .breakGlass(true)
        .previousLeafHash(AuditEntry.genesisPreviousLeafHash())
        .build();
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}

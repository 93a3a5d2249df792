package org.zhusan.vault.audit;

import java.time.Duration;

/** Settings as unit tests need them, without a MicroProfile Config runtime. */
final class AuditSettingsForTests {
  private AuditSettingsForTests() {}

  /** The defaults, but for how long an append may wait. */
  static AuditSettings appendWait(Duration wait) {
    AuditSettings s = new AuditSettings();
    s.appendWait = wait;
    s.appendBatchMax = 256;
    s.origin = "zhusan-vault/access-log";
    s.checkpointInterval = Duration.ZERO;
    return s;
  }
}

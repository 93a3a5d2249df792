package org.zhusan.vault.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RedactedTraceTest {
  private static String printed(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Test
  void keepsEveryClassAndFrameButNoMessage() {
    SQLException cause = new SQLException("duplicate key (full_name)=(Aigerim Seitkali)");
    IllegalStateException top = new IllegalStateException("while storing IIN 900101400123", cause);
    top.addSuppressed(new RuntimeException("suppressed with Aigerim"));

    String log = printed(RedactedTrace.of(top));

    assertTrue(log.startsWith("java.lang.IllegalStateException"), log);
    assertTrue(log.contains("Caused by: java.sql.SQLException"), log);
    assertTrue(log.contains("Suppressed: java.lang.RuntimeException"), log);
    assertTrue(log.contains("RedactedTraceTest.keepsEveryClassAndFrameButNoMessage"), log);
    assertFalse(log.contains("Aigerim"), log);
    assertFalse(log.contains("900101400123"), log);
    assertEquals(top.getStackTrace()[0], RedactedTrace.of(top).getStackTrace()[0]);
  }

  @Test
  void survivesACauseCycle() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertTrue(printed(RedactedTrace.of(a)).contains("CIRCULAR REFERENCE"));
  }
}

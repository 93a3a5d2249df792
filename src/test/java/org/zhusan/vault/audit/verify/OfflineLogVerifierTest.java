package org.zhusan.vault.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.verify.Finding.Kind;

/** The JSON Lines export: the shared tampering cases, plus what only lines can get wrong. */
class OfflineLogVerifierTest extends ExportVerificationCases {

  @Override
  VerificationReport verify(OfflineLogVerifier v, List<Object> items) throws IOException {
    return v.verify(new StringReader(ExportFixture.render(items)));
  }

  @Test
  void malformedLineIsNamedByLineNumber() throws IOException {
    List<Object> items = LOG.items();
    items.set(ExportFixture.indexOf(items, 5), "{\"type\":\"entry\"}");
    Finding finding = verifyFailing(items);
    assertEquals(Kind.MALFORMED_LINE, finding.kind());
    assertEquals(6, finding.line());
  }

  @Test
  void exportWithoutFinalNewlineVerifies() throws IOException {
    String export = LOG.export();
    VerificationReport report =
        verifier.verify(new StringReader(export.substring(0, export.length() - 1)));
    assertTrue(report.ok(), report.summary());
  }

  @Test
  void tooLongLineIsMalformed() throws IOException {
    String huge =
        "{\"type\":\"entry\",\"userId\":\""
            + "x".repeat(OfflineLogVerifier.MAX_LINE_CHARS)
            + "\"}\n";
    Finding finding = verifier.verify(new StringReader(huge)).problem().orElseThrow();
    assertEquals(Kind.MALFORMED_LINE, finding.kind());
    assertEquals(1, finding.line());
  }
}

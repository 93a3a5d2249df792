package org.zhusan.vault.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

class ExportWriterTest {

  private static final ExportFixture LOG = new ExportFixture(10, 4);

  @Test
  void writesAnExportTheVerifierAccepts() throws IOException {
    StringWriter out = new StringWriter();
    ExportWriter writer = new ExportWriter(out);
    for (Object item : LOG.items()) {
      if (item instanceof AuditEntry e) {
        writer.writeEntry(e);
      } else {
        writer.writeCheckpoint((SignedCheckpoint) item);
      }
    }
    assertEquals(10, writer.entriesWritten());
    assertEquals(LOG.export(), out.toString());
    VerificationReport report =
        new OfflineLogVerifier(LOG.signer.verifier()).verify(new StringReader(out.toString()));
    assertTrue(report.ok(), report.summary());
  }

  @Test
  void refusesEntriesOutOfSequence() throws IOException {
    ExportWriter writer = new ExportWriter(new StringWriter());
    assertThrows(IllegalArgumentException.class, () -> writer.writeEntry(LOG.entries.get(1)));
    writer.writeEntry(LOG.entries.get(0));
    assertThrows(IllegalArgumentException.class, () -> writer.writeEntry(LOG.entries.get(0)));
  }

  @Test
  void refusesCheckpointsAwayFromTheirSize() throws IOException {
    ExportWriter writer = new ExportWriter(new StringWriter());
    SignedCheckpoint four = (SignedCheckpoint) LOG.items().get(4);
    assertEquals(4, four.checkpoint().size());
    writer.writeEntry(LOG.entries.get(0));
    assertThrows(IllegalArgumentException.class, () -> writer.writeCheckpoint(four));
  }
}

package org.zhusan.vault.oversight;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.verify.BinaryExportFormat;
import org.zhusan.vault.audit.verify.ExportFormat;

/**
 * Where the whole-log export goes, in one of its two formats. The export writes entries and
 * checkpoints as stored, in stored order, even where that order was tampered with (the export must
 * show what is there), so the sinks do not check placement as {@code ExportWriter} does. Neither
 * buffers: wrap the stream first.
 */
interface ExportSink {

  void entry(AuditEntry entry) throws IOException;

  void checkpoint(SignedCheckpoint checkpoint) throws IOException;

  void flush() throws IOException;

  /** JSON Lines ({@link ExportFormat}). */
  static ExportSink jsonLines(Writer out) {
    return new ExportSink() {
      @Override
      public void entry(AuditEntry entry) throws IOException {
        out.write(ExportFormat.entryLine(entry));
        out.write('\n');
      }

      @Override
      public void checkpoint(SignedCheckpoint checkpoint) throws IOException {
        out.write(ExportFormat.checkpointLine(checkpoint));
        out.write('\n');
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    };
  }

  /** The binary export ({@link BinaryExportFormat}); writes its header for {@code origin} now. */
  static ExportSink binary(OutputStream out, String origin) throws IOException {
    out.write(BinaryExportFormat.header(origin));
    return new ExportSink() {
      @Override
      public void entry(AuditEntry entry) throws IOException {
        out.write(BinaryExportFormat.entryRecord(entry));
      }

      @Override
      public void checkpoint(SignedCheckpoint checkpoint) throws IOException {
        out.write(BinaryExportFormat.checkpointRecord(checkpoint));
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    };
  }
}

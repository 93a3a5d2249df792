package org.zhusan.vault.audit.verify;

import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/**
 * Writes an export in the order {@link ExportFormat} prescribes: entries by sequence from 0, each
 * checkpoint directly after the entry that brings the log to its size. The server streams its
 * entries and checkpoints through it and should finish with {@link #writeCheckpoint} of a fresh
 * checkpoint of the full size, so the whole export is signed.
 *
 * <p>It checks placement only (sequence numbers and checkpoint sizes), not hashes or signatures.
 * Not thread-safe. It does not close the underlying writer.
 */
public final class ExportWriter implements Flushable {

  private final Writer out;
  private long entriesWritten;

  /** Creates a writer appending lines to {@code out} (which should encode UTF-8). */
  public ExportWriter(Writer out) {
    this.out = Objects.requireNonNull(out, "out is required.");
  }

  /**
   * Writes the next entry line.
   *
   * @throws IllegalArgumentException if {@code entry.sequence()} is not {@link #entriesWritten()}
   */
  public void writeEntry(AuditEntry entry) throws IOException {
    Objects.requireNonNull(entry, "entry is required.");
    checkEntryPlacement(entry, entriesWritten);
    out.write(ExportFormat.entryLine(entry));
    out.write('\n');
    entriesWritten++;
  }

  /**
   * Writes a checkpoint line.
   *
   * @throws IllegalArgumentException if the checkpoint's size is not {@link #entriesWritten()}
   */
  public void writeCheckpoint(SignedCheckpoint checkpoint) throws IOException {
    Objects.requireNonNull(checkpoint, "checkpoint is required.");
    checkCheckpointPlacement(checkpoint, entriesWritten);
    out.write(ExportFormat.checkpointLine(checkpoint));
    out.write('\n');
  }

  /** The order rule for entries, shared with {@link BinaryExportWriter}. */
  static void checkEntryPlacement(AuditEntry entry, long entriesWritten) {
    if (entry.sequence() != entriesWritten) {
      throw new IllegalArgumentException(
          "expected entry " + entriesWritten + ", got " + entry.sequence());
    }
  }

  /** The order rule for checkpoints, shared with {@link BinaryExportWriter}. */
  static void checkCheckpointPlacement(SignedCheckpoint checkpoint, long entriesWritten) {
    if (checkpoint.checkpoint().size() != entriesWritten) {
      throw new IllegalArgumentException(
          "checkpoint of size "
              + checkpoint.checkpoint().size()
              + " must follow entry "
              + (checkpoint.checkpoint().size() - 1)
              + ", but "
              + entriesWritten
              + " entries were written");
    }
  }

  /** Returns the number of entries written so far. */
  public long entriesWritten() {
    return entriesWritten;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}

package org.zhusan.vault.audit.verify;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/**
 * Writes a binary export ({@link BinaryExportFormat}) in the prescribed order, as {@link
 * ExportWriter} does for JSON Lines: the header on creation, then entries by sequence from 0, each
 * checkpoint right after the entry that brings the log to its size. It checks placement only. Not
 * thread-safe; does not close or buffer the stream (wrap it in a {@code BufferedOutputStream}).
 */
public final class BinaryExportWriter implements Flushable {

  private final OutputStream out;
  private long entriesWritten;

  /** Writes the header for the log {@code origin} to {@code out}. */
  public BinaryExportWriter(OutputStream out, String origin) throws IOException {
    this.out = Objects.requireNonNull(out, "out is required.");
    out.write(BinaryExportFormat.header(origin));
  }

  /**
   * Writes the next entry record.
   *
   * @throws IllegalArgumentException if {@code entry.sequence()} is not {@link #entriesWritten()}
   */
  public void writeEntry(AuditEntry entry) throws IOException {
    Objects.requireNonNull(entry, "entry is required.");
    ExportWriter.checkEntryPlacement(entry, entriesWritten);
    out.write(BinaryExportFormat.entryRecord(entry));
    entriesWritten++;
  }

  /**
   * Writes a checkpoint record.
   *
   * @throws IllegalArgumentException if the checkpoint's size is not {@link #entriesWritten()}
   */
  public void writeCheckpoint(SignedCheckpoint checkpoint) throws IOException {
    Objects.requireNonNull(checkpoint, "checkpoint is required.");
    ExportWriter.checkCheckpointPlacement(checkpoint, entriesWritten);
    out.write(BinaryExportFormat.checkpointRecord(checkpoint));
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

package org.zhusan.vault.audit.verify;

import java.util.Objects;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/**
 * One item of an export in either format, as the verifier consumes it: an entry in canonical form
 * or a signed checkpoint. A JSON line becomes one through {@link #of(ExportLine)}; a binary record
 * is read as one by {@link BinaryExportReader}. Immutable.
 */
public sealed interface ExportRecord {

  /** An entry, by its canonical encoding. */
  record EntryRecord(CanonicalEntry entry) implements ExportRecord {
    public EntryRecord {
      Objects.requireNonNull(entry, "entry is required.");
    }
  }

  /** A signed checkpoint; the signature is not checked by reading. */
  record CheckpointRecord(SignedCheckpoint checkpoint) implements ExportRecord {
    public CheckpointRecord {
      Objects.requireNonNull(checkpoint, "checkpoint is required.");
    }
  }

  /** Returns the record for a parsed JSON line (an entry is encoded once, here). */
  static ExportRecord of(ExportLine line) {
    if (line instanceof ExportLine.EntryLine e) {
      return new EntryRecord(CanonicalEntry.of(e.entry()));
    }
    return new CheckpointRecord(((ExportLine.CheckpointLine) line).checkpoint());
  }
}

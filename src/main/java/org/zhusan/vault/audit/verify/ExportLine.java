package org.zhusan.vault.audit.verify;

import java.util.Objects;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/**
 * One parsed line of an export (see {@link ExportFormat}): either an entry or a signed checkpoint.
 * Immutable.
 */
public sealed interface ExportLine {

  /** An {@code {"type":"entry",…}} line. */
  record EntryLine(AuditEntry entry) implements ExportLine {
    public EntryLine {
      Objects.requireNonNull(entry, "entry is required.");
    }
  }

  /** A {@code {"type":"checkpoint",…}} line. The signature is not checked by parsing. */
  record CheckpointLine(SignedCheckpoint checkpoint) implements ExportLine {
    public CheckpointLine {
      Objects.requireNonNull(checkpoint, "checkpoint is required.");
    }
  }
}

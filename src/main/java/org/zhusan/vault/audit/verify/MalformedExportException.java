package org.zhusan.vault.audit.verify;

import java.io.IOException;

/**
 * A binary export is not well formed at some record: wrong magic or version, a truncated or
 * oversized record, an unknown record type or an invalid payload. The message names the record (0
 * for the header). An {@link IOException} so that readers of files handle it with the rest of their
 * input problems; the verifier turns it into a {@link Finding.Kind#MALFORMED_LINE} finding.
 */
public final class MalformedExportException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long record;

  MalformedExportException(long record, String message) {
    super(message);
    this.record = record;
  }

  /** Returns the 1-based number of the bad record, or 0 if the header is bad. */
  public long record() {
    return record;
  }
}

package org.zhusan.vault.platform.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Native queries hand back {@code timestamptz} columns as one of several types; this reads them
 * all.
 */
public final class SqlTimes {
  private SqlTimes() {}

  /** The instant of a {@code timestamptz} value from a native query, or null for SQL NULL. */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}

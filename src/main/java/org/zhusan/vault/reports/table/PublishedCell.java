package org.zhusan.vault.reports.table;

import java.util.Objects;

/**
 * One published cell: a value, or the fact that it was suppressed (and why).
 *
 * @param value the value if {@code status} is PUBLISHED, else {@code null}
 * @param status whether the value is published
 */
public record PublishedCell(Long value, CellStatus status) {

  /** Checks that a value is present exactly when the cell is published. */
  public PublishedCell {
    Objects.requireNonNull(status, "status is required.");
    if (status.suppressed() != (value == null)) {
      throw new IllegalArgumentException("a cell has a value exactly when it is published.");
    }
    if (value != null && value < 0) {
      throw new IllegalArgumentException("a count is never negative.");
    }
  }

  /** A published value. */
  public static PublishedCell published(long value) {
    return new PublishedCell(value, CellStatus.PUBLISHED);
  }

  /** The cell as published: its value if {@code status} is PUBLISHED, else nothing. */
  static PublishedCell of(long value, CellStatus status) {
    return new PublishedCell(status.suppressed() ? null : value, status);
  }

  /**
   * This cell with its value rounded to the nearest multiple of {@code base}, half up; suppressed
   * cells are returned unchanged.
   */
  PublishedCell rounded(int base) {
    if (status.suppressed() || base == 1) {
      return this;
    }
    return published((value + base / 2) / base * base);
  }
}

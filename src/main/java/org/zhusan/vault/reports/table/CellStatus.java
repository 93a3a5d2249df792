package org.zhusan.vault.reports.table;

/**
 * Whether a cell's value is published, and if not, why not. Zeros are published: a zero is not a
 * person, and suppressing every zero would hide the structure of the programme without protecting
 * anyone (the limits of this are in docs/reports.md).
 */
public enum CellStatus {
  /** The value is published. */
  PUBLISHED,
  /** Suppressed because {@code 0 < value < threshold}: a group this small can be identified. */
  PRIMARY,
  /** Suppressed, though not small, so that no primary cell can be recovered by arithmetic. */
  COMPLEMENTARY;

  /** Whether the value is withheld. */
  public boolean suppressed() {
    return this != PUBLISHED;
  }
}

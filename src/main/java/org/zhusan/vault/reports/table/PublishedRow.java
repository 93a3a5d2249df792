package org.zhusan.vault.reports.table;

import java.util.List;
import java.util.Objects;

/**
 * One row of a published table.
 *
 * @param category the row's category
 * @param cells one cell per column, in column order
 * @param total the row total (the people of this category in the view)
 */
public record PublishedRow(String category, List<PublishedCell> cells, PublishedCell total) {

  /** Checks that every part is present and copies the list. */
  public PublishedRow {
    Objects.requireNonNull(category, "category is required.");
    cells = List.copyOf(cells);
    Objects.requireNonNull(total, "total is required.");
  }
}

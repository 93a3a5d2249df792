package org.zhusan.vault.reports.table;

import java.util.List;
import java.util.Objects;

/**
 * One table as published: a view of the report at one grouping, every cell a value or a
 * suppression. The column totals and the grand total are the same cells in every table of the view,
 * and the row totals are those of {@link Margins}, identical in every report on the same
 * population.
 *
 * @param view whose people are counted
 * @param grouping what the rows are
 * @param columns the column categories, in order
 * @param rows one row per listed category of {@code grouping}, in layout order
 * @param columnTotals one per column
 * @param total the people of the view
 * @param primaryCount how many cells of this table (interior and totals) are PRIMARY
 * @param complementaryCount how many are COMPLEMENTARY
 */
public record PublishedTable(
    SexFilter view,
    Grouping grouping,
    List<String> columns,
    List<PublishedRow> rows,
    List<PublishedCell> columnTotals,
    PublishedCell total,
    int primaryCount,
    int complementaryCount) {

  /** Checks that every part is present and the shapes agree, and copies the lists. */
  public PublishedTable {
    Objects.requireNonNull(view, "view is required.");
    Objects.requireNonNull(grouping, "grouping is required.");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    columnTotals = List.copyOf(columnTotals);
    Objects.requireNonNull(total, "total is required.");
    if (columnTotals.size() != columns.size()) {
      throw new IllegalArgumentException("one column total per column.");
    }
    for (PublishedRow row : rows) {
      if (row.cells().size() != columns.size()) {
        throw new IllegalArgumentException("row " + row.category() + " has the wrong width.");
      }
    }
  }

  /**
   * A copy with every PUBLISHED value rounded to the nearest multiple of {@code base} (half up);
   * suppressed cells and the counts are unchanged. Rounding is applied only here, at publication:
   * suppression is decided on the true values, and rounded values no longer add up exactly, which
   * blurs what differencing could recover from published cells.
   *
   * @param base 1 for exact values, or e.g. 5
   * @throws IllegalArgumentException if {@code base < 1}
   */
  public PublishedTable rounded(int base) {
    if (base < 1) {
      throw new IllegalArgumentException("rounding base must be at least 1.");
    }
    List<PublishedRow> roundedRows =
        rows.stream()
            .map(
                row ->
                    new PublishedRow(
                        row.category(),
                        row.cells().stream().map(cell -> cell.rounded(base)).toList(),
                        row.total().rounded(base)))
            .toList();
    return new PublishedTable(
        view,
        grouping,
        columns,
        roundedRows,
        columnTotals.stream().map(cell -> cell.rounded(base)).toList(),
        total.rounded(base),
        primaryCount,
        complementaryCount);
  }

  /** The row of {@code category}. */
  public PublishedRow row(String category) {
    return rows.stream()
        .filter(row -> row.category().equals(category))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row " + category + "."));
  }

  /** The cell of {@code category} and {@code column}. */
  public PublishedCell cell(String category, String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column + ".");
    }
    return row(category).cells().get(index);
  }
}

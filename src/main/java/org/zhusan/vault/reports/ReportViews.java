package org.zhusan.vault.reports;

import java.util.List;
import org.zhusan.vault.reports.table.CellStatus;
import org.zhusan.vault.reports.table.PublishedCell;
import org.zhusan.vault.reports.table.PublishedRow;

/** The JSON shapes of reports (absent fields are omitted). */
public final class ReportViews {
  private ReportViews() {}

  /**
   * A count, or why it is not shown: {@code PRIMARY} (below the threshold) or {@code
   * COMPLEMENTARY}.
   */
  public record Cell(Long value, String suppressed) {
    static Cell of(PublishedCell c) {
      return c.status() == CellStatus.PUBLISHED
          ? new Cell(c.value(), null)
          : new Cell(null, c.status().name());
    }

    static List<Cell> of(List<PublishedCell> cells) {
      return cells.stream().map(Cell::of).toList();
    }
  }

  public record Row(String category, List<Cell> cells, Cell total) {
    static Row of(PublishedRow r) {
      return new Row(r.category(), Cell.of(r.cells()), Cell.of(r.total()));
    }
  }

  public record Suppressed(int primary, int complementary) {}

  /** One published table with what identifies it and what was suppressed. */
  public record Table(
      String report,
      String kind,
      String date,
      String from,
      String to,
      String centre,
      String groupBy,
      String sex,
      int threshold,
      int roundingBase,
      List<String> columns,
      List<Row> rows,
      List<Cell> columnTotals,
      Cell total,
      Suppressed suppressed) {}

  public record IndicatorColumns(String kind, List<String> values) {}

  /** {@code GET /api/reports}: what the caller can ask for. */
  public record Catalogue(
      int threshold,
      int roundingBase,
      boolean national,
      List<String> centres,
      List<String> groupings,
      List<String> stages,
      List<IndicatorColumns> indicators) {}
}

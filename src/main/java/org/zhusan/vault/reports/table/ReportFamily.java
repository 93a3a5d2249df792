package org.zhusan.vault.reports.table;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A report's whole family of tables, every view ({@link SexFilter}) at every offered grouping,
 * suppressed jointly, so that no suppressed cell can be recovered from its row or column totals,
 * from the same report at another grouping, or from the same report for one sex.
 *
 * <p>The cells: interior T[v][g][r][c], row totals R[v][g][r] and the grand total N[v] taken from
 * {@link Margins} with their statuses fixed, and column totals C[v][c], one per view, shared by
 * every grouping. The relations: every row and column sum; N as the sum of the column totals and of
 * the rows of each grouping; a region as the sum of its centres (cells and row totals); ALL = F + M
 * for every cell; in the ALL view the SEX row F is the F view's column totals (and M). If the
 * columns are themselves a grouping's categories ({@code columnGrouping}, the stage report), the
 * column totals are that grouping's margins, fixed too.
 *
 * <p>Immutable once built.
 */
public final class ReportFamily {

  private final List<Grouping> groupings;
  private final Map<SexFilter, Map<Grouping, PublishedTable>> tables;

  private ReportFamily(
      List<Grouping> groupings, Map<SexFilter, Map<Grouping, PublishedTable>> tables) {
    this.groupings = groupings;
    this.tables = tables;
  }

  /**
   * Counts and suppresses the family.
   *
   * @param units the population, each with its column category
   * @param layout the listed categories; must be the margins' layout
   * @param columns the column categories, in display order, without repeats
   * @param groupings the groupings offered, without repeats (SEX is offered in the ALL view only)
   * @param columnGrouping the grouping whose categories the columns are, or {@code null}; it must
   *     not be in {@code groupings}
   * @param margins the margins of the same units, suppressed with the same threshold
   * @param threshold the smallest published count
   * @throws IllegalArgumentException if any of these does not fit
   * @throws IllegalStateException if the margins leave a cell impossible to protect
   */
  public static ReportFamily of(
      List<Unit> units,
      Layout layout,
      List<String> columns,
      List<Grouping> groupings,
      Grouping columnGrouping,
      Margins margins,
      int threshold) {
    Objects.requireNonNull(units, "units is required.");
    Objects.requireNonNull(layout, "layout is required.");
    Objects.requireNonNull(margins, "margins is required.");
    List<String> cols = List.copyOf(columns);
    List<Grouping> offered = List.copyOf(groupings);
    if (new HashSet<>(cols).size() != cols.size()) {
      throw new IllegalArgumentException("a column is listed twice.");
    }
    if (new LinkedHashSet<>(offered).size() != offered.size()) {
      throw new IllegalArgumentException("a grouping is listed twice.");
    }
    if (threshold != margins.threshold()) {
      throw new IllegalArgumentException("the margins were suppressed with another threshold.");
    }
    if (!layout.equals(margins.layout())) {
      throw new IllegalArgumentException("the margins were counted in another layout.");
    }
    if (columnGrouping != null) {
      if (offered.contains(columnGrouping)) {
        throw new IllegalArgumentException(columnGrouping + " is the columns, not a grouping.");
      }
      if (!cols.equals(layout.rowsOf(columnGrouping))) {
        throw new IllegalArgumentException(
            "the columns must be the categories of " + columnGrouping + ", in layout order.");
      }
    }
    layout.check(units);
    Map<String, Integer> columnIndex = new java.util.HashMap<>();
    for (int c = 0; c < cols.size(); c++) {
      columnIndex.put(cols.get(c), c);
    }
    for (Unit unit : units) {
      if (!columnIndex.containsKey(unit.column())) {
        throw new IllegalArgumentException("column " + unit.column() + " is not listed.");
      }
    }
    Map<SexFilter, Map<Grouping, long[]>> rowCounts = Margins.count(units, layout);
    for (SexFilter view : SexFilter.values()) {
      for (Grouping grouping : Grouping.values()) {
        if (view.offers(grouping)
            && !java.util.Arrays.equals(
                rowCounts.get(view).get(grouping), margins.rowValues(view, grouping))) {
          throw new IllegalArgumentException("the margins are of another population.");
        }
      }
    }
    return new Builder(units, layout, cols, columnIndex, offered, columnGrouping, margins)
        .build(threshold);
  }

  /**
   * The table of {@code view} at {@code grouping}.
   *
   * @throws IllegalArgumentException if the family does not offer it (e.g. SEX in view F)
   */
  public PublishedTable table(SexFilter view, Grouping grouping) {
    PublishedTable table = tables.get(view).get(grouping);
    if (table == null) {
      throw new IllegalArgumentException(
          "the report offers no " + grouping + " table in view " + view + ".");
    }
    return table;
  }

  /** The groupings offered, in the order given (SEX only in view ALL). */
  public List<Grouping> groupings() {
    return groupings;
  }

  /** Every table, view by view, grouping by grouping. */
  public List<PublishedTable> tables() {
    List<PublishedTable> all = new ArrayList<>();
    for (SexFilter view : SexFilter.values()) {
      all.addAll(tables.get(view).values());
    }
    return all;
  }

  /** Lays the cells and relations into a {@link Suppressor} and reads the tables back. */
  private static final class Builder {
    private final List<Unit> units;
    private final Layout layout;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex;
    private final List<Grouping> groupings;
    private final Grouping columnGrouping;
    private final Margins margins;
    private final Suppressor suppressor = new Suppressor();
    private final Map<SexFilter, Map<Grouping, int[][]>> interior = new EnumMap<>(SexFilter.class);
    private final Map<SexFilter, Map<Grouping, int[]>> rowTotals = new EnumMap<>(SexFilter.class);
    private final Map<SexFilter, int[]> columnTotals = new EnumMap<>(SexFilter.class);
    private final Map<SexFilter, Integer> totals = new EnumMap<>(SexFilter.class);

    Builder(
        List<Unit> units,
        Layout layout,
        List<String> columns,
        Map<String, Integer> columnIndex,
        List<Grouping> groupings,
        Grouping columnGrouping,
        Margins margins) {
      this.units = units;
      this.layout = layout;
      this.columns = columns;
      this.columnIndex = columnIndex;
      this.groupings = groupings;
      this.columnGrouping = columnGrouping;
      this.margins = margins;
    }

    ReportFamily build(int threshold) {
      for (SexFilter view : SexFilter.values()) {
        addView(view);
      }
      nestViews();
      suppressor.suppress(threshold);
      Map<SexFilter, Map<Grouping, PublishedTable>> tables = new EnumMap<>(SexFilter.class);
      for (SexFilter view : SexFilter.values()) {
        Map<Grouping, PublishedTable> byGrouping = new EnumMap<>(Grouping.class);
        for (Grouping grouping : offered(view)) {
          byGrouping.put(grouping, table(view, grouping));
        }
        tables.put(view, byGrouping);
      }
      return new ReportFamily(groupings, tables);
    }

    private List<Grouping> offered(SexFilter view) {
      return groupings.stream().filter(view::offers).toList();
    }

    private void addView(SexFilter view) {
      int total =
          suppressor.presetCell("N[" + view + "]", margins.total(view), margins.totalStatus(view));
      totals.put(view, total);
      long[] columnCounts = new long[columns.size()];
      for (Unit unit : units) {
        if (view.counts(unit.dim(Grouping.SEX))) {
          columnCounts[columnIndex.get(unit.column())]++;
        }
      }
      int[] colIds = new int[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        String label = "C[" + view + "][" + columns.get(c) + "]";
        if (columnGrouping != null) {
          long margin = margins.rowTotal(view, columnGrouping, columns.get(c));
          if (margin != columnCounts[c]) {
            throw new IllegalArgumentException(
                "the units' columns are not their " + columnGrouping + " categories.");
          }
          colIds[c] =
              suppressor.presetCell(
                  label, margin, margins.rowStatus(view, columnGrouping, columns.get(c)));
        } else {
          colIds[c] = suppressor.cell(label, columnCounts[c]);
        }
      }
      columnTotals.put(view, colIds);
      suppressor.relation(total, colIds);

      Map<Grouping, int[][]> cellsOf = new EnumMap<>(Grouping.class);
      Map<Grouping, int[]> rowsOf = new EnumMap<>(Grouping.class);
      for (Grouping grouping : offered(view)) {
        List<String> rows = layout.rowsOf(grouping);
        long[][] counts = new long[rows.size()][columns.size()];
        for (Unit unit : units) {
          if (view.counts(unit.dim(Grouping.SEX))) {
            counts[rows.indexOf(unit.dim(grouping))][columnIndex.get(unit.column())]++;
          }
        }
        CellStatus[] rowStatus = margins.rowStatuses(view, grouping);
        long[] rowValue = margins.rowValues(view, grouping);
        int[][] cells = new int[rows.size()][columns.size()];
        int[] rowIds = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
          String prefix = "[" + view + "][" + grouping + "][" + rows.get(r) + "]";
          rowIds[r] = suppressor.presetCell("R" + prefix, rowValue[r], rowStatus[r]);
          for (int c = 0; c < columns.size(); c++) {
            cells[r][c] = suppressor.cell("T" + prefix + "[" + columns.get(c) + "]", counts[r][c]);
          }
          suppressor.relation(rowIds[r], cells[r]);
        }
        for (int c = 0; c < columns.size(); c++) {
          int[] column = new int[rows.size()];
          for (int r = 0; r < rows.size(); r++) {
            column[r] = cells[r][c];
          }
          suppressor.relation(colIds[c], column);
        }
        suppressor.relation(total, rowIds);
        cellsOf.put(grouping, cells);
        rowsOf.put(grouping, rowIds);
      }
      interior.put(view, cellsOf);
      rowTotals.put(view, rowsOf);
      Margins.nestRegions(
          suppressor, layout, rowsOf.get(Grouping.REGION), rowsOf.get(Grouping.CENTRE));
      int[][] regions = cellsOf.get(Grouping.REGION);
      int[][] centres = cellsOf.get(Grouping.CENTRE);
      if (regions != null && centres != null) {
        for (int c = 0; c < columns.size(); c++) {
          Margins.nestRegions(suppressor, layout, column(regions, c), column(centres, c));
        }
      }
    }

    private static int[] column(int[][] cells, int c) {
      int[] column = new int[cells.length];
      for (int r = 0; r < cells.length; r++) {
        column[r] = cells[r][c];
      }
      return column;
    }

    /** ALL = F + M cell by cell; the SEX rows of ALL are the one-sex views. */
    private void nestViews() {
      SexFilter all = SexFilter.ALL;
      suppressor.relation(totals.get(all), totals.get(SexFilter.F), totals.get(SexFilter.M));
      for (int c = 0; c < columns.size(); c++) {
        suppressor.relation(
            columnTotals.get(all)[c],
            columnTotals.get(SexFilter.F)[c],
            columnTotals.get(SexFilter.M)[c]);
      }
      for (Grouping grouping : offered(all)) {
        int[][] cells = interior.get(all).get(grouping);
        int[] rows = rowTotals.get(all).get(grouping);
        if (grouping == Grouping.SEX) {
          List<String> sexes = layout.rowsOf(Grouping.SEX);
          for (int r = 0; r < rows.length; r++) {
            SexFilter sex = SexFilter.valueOf(sexes.get(r));
            suppressor.relation(rows[r], totals.get(sex));
            for (int c = 0; c < columns.size(); c++) {
              suppressor.relation(cells[r][c], columnTotals.get(sex)[c]);
            }
          }
          continue;
        }
        int[][] f = interior.get(SexFilter.F).get(grouping);
        int[][] m = interior.get(SexFilter.M).get(grouping);
        for (int r = 0; r < rows.length; r++) {
          suppressor.relation(
              rows[r],
              rowTotals.get(SexFilter.F).get(grouping)[r],
              rowTotals.get(SexFilter.M).get(grouping)[r]);
          for (int c = 0; c < columns.size(); c++) {
            suppressor.relation(cells[r][c], f[r][c], m[r][c]);
          }
        }
      }
    }

    private PublishedTable table(SexFilter view, Grouping grouping) {
      List<String> rows = layout.rowsOf(grouping);
      int[][] cells = interior.get(view).get(grouping);
      int[] rowIds = rowTotals.get(view).get(grouping);
      int[] colIds = columnTotals.get(view);
      int[] counted = new int[CellStatus.values().length];
      List<PublishedRow> published = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        List<PublishedCell> row = new ArrayList<>();
        for (int id : cells[r]) {
          row.add(cell(id, counted));
        }
        published.add(new PublishedRow(rows.get(r), row, cell(rowIds[r], counted)));
      }
      List<PublishedCell> columnCells = new ArrayList<>();
      for (int id : colIds) {
        columnCells.add(cell(id, counted));
      }
      PublishedCell total = cell(totals.get(view), counted);
      return new PublishedTable(
          view,
          grouping,
          columns,
          published,
          columnCells,
          total,
          counted[CellStatus.PRIMARY.ordinal()],
          counted[CellStatus.COMPLEMENTARY.ordinal()]);
    }

    private PublishedCell cell(int id, int[] counted) {
      CellStatus status = suppressor.status(id);
      counted[status.ordinal()]++;
      return PublishedCell.of(suppressor.value(id), status);
    }
  }
}

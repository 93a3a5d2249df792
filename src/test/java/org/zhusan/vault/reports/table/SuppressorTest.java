package org.zhusan.vault.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressorTest {

  /** A two-way table laid into a suppressor: interior ids, row and column totals, grand total. */
  private static final class Grid {
    final Suppressor suppressor = new Suppressor();
    final long[][] values;
    final int[][] cells;
    final int[] rows;
    final int[] cols;
    final int total;

    Grid(long[][] values) {
      this(values, 0);
    }

    /** With {@code padding} unrelated relations first, so the grid's relation ids are large. */
    Grid(long[][] values, int padding) {
      int a = padding > 0 ? suppressor.cell("padA", 7) : -1;
      int b = padding > 0 ? suppressor.cell("padB", 7) : -1;
      for (int i = 0; i < padding; i++) {
        suppressor.relation(a, b);
      }
      this.values = values;
      int height = values.length;
      int width = values[0].length;
      cells = new int[height][width];
      rows = new int[height];
      cols = new int[width];
      long[] colSums = new long[width];
      long sum = 0;
      for (int r = 0; r < height; r++) {
        long rowSum = 0;
        for (int c = 0; c < width; c++) {
          cells[r][c] = suppressor.cell("r" + r + "c" + c, values[r][c]);
          rowSum += values[r][c];
          colSums[c] += values[r][c];
        }
        rows[r] = suppressor.cell("row" + r, rowSum);
        suppressor.relation(rows[r], cells[r]);
        sum += rowSum;
      }
      for (int c = 0; c < width; c++) {
        cols[c] = suppressor.cell("col" + c, colSums[c]);
        int[] column = new int[height];
        for (int r = 0; r < height; r++) {
          column[r] = cells[r][c];
        }
        suppressor.relation(cols[c], column);
      }
      total = suppressor.cell("total", sum);
      suppressor.relation(total, rows);
      suppressor.relation(total, cols);
    }

    CellStatus at(int r, int c) {
      return suppressor.status(cells[r][c]);
    }

    /** The grid as a published table (the attacker's input). */
    PublishedTable published(boolean primaryOnly, int threshold) {
      List<String> columns = new ArrayList<>();
      for (int c = 0; c < cols.length; c++) {
        columns.add("c" + c);
      }
      List<PublishedRow> published = new ArrayList<>();
      for (int r = 0; r < rows.length; r++) {
        List<PublishedCell> row = new ArrayList<>();
        for (int c = 0; c < cols.length; c++) {
          row.add(cell(cells[r][c], primaryOnly, threshold));
        }
        published.add(new PublishedRow("r" + r, row, cell(rows[r], primaryOnly, threshold)));
      }
      List<PublishedCell> columnTotals = new ArrayList<>();
      for (int col : cols) {
        columnTotals.add(cell(col, primaryOnly, threshold));
      }
      return new PublishedTable(
          SexFilter.ALL,
          Grouping.CENTRE,
          columns,
          published,
          columnTotals,
          cell(total, primaryOnly, threshold),
          0,
          0);
    }

    private PublishedCell cell(int id, boolean primaryOnly, int threshold) {
      long value = suppressor.value(id);
      if (primaryOnly) {
        return PublishedCell.of(
            value, value > 0 && value < threshold ? CellStatus.PRIMARY : CellStatus.PUBLISHED);
      }
      return PublishedCell.of(value, suppressor.status(id));
    }
  }

  @Test
  void aSmallCellOfATwoByTwoTableGetsItsRowAndColumnComplements() {
    Grid grid = new Grid(new long[][] {{3, 10}, {8, 12}});
    grid.suppressor.suppress(5);

    assertEquals(CellStatus.PRIMARY, grid.at(0, 0));
    assertEquals(CellStatus.COMPLEMENTARY, grid.at(0, 1));
    assertEquals(CellStatus.COMPLEMENTARY, grid.at(1, 0));
    assertEquals(CellStatus.COMPLEMENTARY, grid.at(1, 1));
    for (int id : new int[] {grid.rows[0], grid.rows[1], grid.cols[0], grid.cols[1], grid.total}) {
      assertEquals(CellStatus.PUBLISHED, grid.suppressor.status(id));
    }
    assertEquals(List.of(), Attacker.attack(List.of(grid.published(false, 5)), Map.of()));
  }

  /**
   * Two 4-cycles of small cells joined by one small cell: every row and column has at least two
   * suppressed cells, yet the joining cell is a bridge and its value follows from the totals.
   */
  @Test
  void aBridgeBetweenTwoCyclesIsFoundByTheExactCheckAndProtected() {
    long[][] values = {
      {1, 2, 20, 30},
      {3, 4, 2, 25},
      {40, 35, 1, 3},
      {22, 28, 4, 2}
    };
    Grid grid = new Grid(values);

    List<Attacker.Disclosure> naive = Attacker.attack(List.of(grid.published(true, 5)), Map.of());
    assertEquals(
        List.of(new Attacker.Disclosure("T[ALL][CENTRE][r1][c2]", java.math.BigInteger.TWO)),
        naive);

    grid.suppressor.suppress(5);
    assertEquals(CellStatus.PRIMARY, grid.at(1, 2));
    // The one complement is the smallest published cell of a relation of the bridge: r0c2 = 20.
    int complementary = 0;
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        if (grid.at(r, c) == CellStatus.COMPLEMENTARY) {
          complementary++;
        }
      }
    }
    assertEquals(1, complementary);
    assertEquals(CellStatus.COMPLEMENTARY, grid.at(0, 2));
    assertEquals(List.of(), Attacker.attack(List.of(grid.published(false, 5)), Map.of()));
  }

  @Test
  void theExactCheckComplementsARecoverableCellFromItsOwnRelationsWhateverTheirIds() {
    // Relation ids far above the number of cells: a complement is chosen among the members of the
    // recoverable cell's relations, never by mistaking a relation id for a cell id.
    Grid grid =
        new Grid(new long[][] {{1, 2, 20, 30}, {3, 4, 2, 25}, {40, 35, 1, 3}, {22, 28, 4, 2}}, 100);
    grid.suppressor.suppress(5);
    assertEquals(CellStatus.PRIMARY, grid.at(1, 2));
    assertEquals(CellStatus.COMPLEMENTARY, grid.at(0, 2));
    assertEquals(List.of(), Attacker.attack(List.of(grid.published(false, 5)), Map.of()));
  }

  @Test
  void zerosAreNeverPrimary() {
    Grid grid = new Grid(new long[][] {{0, 10, 7}, {0, 0, 9}, {6, 0, 2}});
    grid.suppressor.suppress(5);

    assertEquals(CellStatus.PUBLISHED, grid.at(0, 0));
    for (int id = 0; id < grid.suppressor.size(); id++) {
      if (grid.suppressor.value(id) == 0) {
        assertFalse(grid.suppressor.status(id) == CellStatus.PRIMARY, "zero cell " + id);
      }
    }
    assertEquals(CellStatus.PRIMARY, grid.at(2, 2));
    assertEquals(List.of(), Attacker.attack(List.of(grid.published(false, 5)), Map.of()));
  }

  @Test
  void presetStatusesAreKeptAndPresetSuppressionsProtected() {
    Suppressor suppressor = new Suppressor();
    int total = suppressor.presetCell("total", 22, CellStatus.PUBLISHED);
    int small = suppressor.presetCell("small", 2, CellStatus.PUBLISHED);
    int a = suppressor.cell("a", 6);
    int b = suppressor.cell("b", 14);
    suppressor.relation(total, small, a, b);
    int hidden = suppressor.presetCell("hidden", 8, CellStatus.PRIMARY);
    int c = suppressor.cell("c", 7);
    int sum = suppressor.presetCell("sum", 15, CellStatus.PUBLISHED);
    suppressor.relation(sum, hidden, c);

    suppressor.suppress(5);

    assertEquals(CellStatus.PUBLISHED, suppressor.status(total));
    assertEquals(CellStatus.PUBLISHED, suppressor.status(small));
    assertEquals(CellStatus.PUBLISHED, suppressor.status(a));
    assertEquals(CellStatus.PUBLISHED, suppressor.status(b));
    assertEquals(CellStatus.PRIMARY, suppressor.status(hidden));
    assertEquals(CellStatus.COMPLEMENTARY, suppressor.status(c));
    assertEquals(CellStatus.PUBLISHED, suppressor.status(sum));
  }

  @Test
  void aPresetThatMakesProtectionImpossibleIsRefused() {
    Suppressor suppressor = new Suppressor();
    int total = suppressor.presetCell("total", 3, CellStatus.PUBLISHED);
    int a = suppressor.cell("a", 3);
    int b = suppressor.presetCell("b", 0, CellStatus.PUBLISHED);
    suppressor.relation(total, a, b);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> suppressor.suppress(5));
    assertTrue(e.getMessage().contains("cannot protect a"), e.getMessage());
  }

  @Test
  void aRelationThatDoesNotHoldIsRefused() {
    Suppressor suppressor = new Suppressor();
    int total = suppressor.cell("total", 10);
    int a = suppressor.cell("a", 3);
    int b = suppressor.cell("b", 4);
    assertThrows(IllegalArgumentException.class, () -> suppressor.relation(total, a, b));
    assertThrows(IllegalArgumentException.class, () -> suppressor.relation(total, a, a));
    assertThrows(IllegalArgumentException.class, () -> suppressor.cell("negative", -1));
  }

  @Test
  void theSameInputGivesTheSameStatuses() {
    long[][] values = {{1, 7, 7, 9}, {7, 1, 9, 7}, {9, 7, 1, 7}, {7, 9, 7, 2}};
    Grid first = new Grid(values);
    Grid second = new Grid(values);
    first.suppressor.suppress(5);
    second.suppressor.suppress(5);
    for (int id = 0; id < first.suppressor.size(); id++) {
      assertEquals(first.suppressor.status(id), second.suppressor.status(id), "cell " + id);
    }
    // Ties between equal values go to the smaller id, so r0c1 (7) before r1c0 (7).
    assertEquals(CellStatus.COMPLEMENTARY, first.at(0, 1));
  }
}

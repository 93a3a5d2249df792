package org.zhusan.vault.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportFamilyTest {

  private static Programme programme;
  private static Margins margins;
  private static ReportFamily indicator;
  private static ReportFamily stage;

  @BeforeAll
  static void build() {
    programme = Programme.generate(20261202L, 600);
    margins = programme.margins();
    indicator = programme.indicatorReport(margins);
    stage = programme.stageReport(margins);
  }

  @Test
  void theSeededCellOfThreeIsPrimary() {
    PublishedCell cell =
        indicator
            .table(SexFilter.ALL, Grouping.COHORT)
            .cell(Programme.SMALL_COHORT, Programme.SMALL_VALUE);
    assertEquals(CellStatus.PRIMARY, cell.status());
    for (SexFilter sex : List.of(SexFilter.F, SexFilter.M)) {
      PublishedCell part =
          indicator.table(sex, Grouping.COHORT).cell(Programme.SMALL_COHORT, Programme.SMALL_VALUE);
      assertTrue(part.status().suppressed() || part.value() == 0, sex + ": " + part);
    }
  }

  @Test
  void everyListedCategoryIsARowEvenWhenEmpty() {
    for (PublishedTable table : indicator.tables()) {
      assertEquals(
          programme.layout.rowsOf(table.grouping()),
          table.rows().stream().map(PublishedRow::category).toList());
    }
  }

  @Test
  void naivePrimaryOnlySuppressionIsRecoveredByTheAttacker() {
    PublishedTable naive = naive(SexFilter.ALL, Grouping.COHORT);
    List<Attacker.Disclosure> disclosed =
        Attacker.attack(List.of(naive), programme.layout.regionOfCentre());
    assertTrue(
        disclosed.contains(
            new Attacker.Disclosure(
                "T[ALL][COHORT][" + Programme.SMALL_COHORT + "][" + Programme.SMALL_VALUE + "]",
                BigInteger.valueOf(3))),
        disclosed.toString());
  }

  @Test
  void noTableAloneOrInPairsDisclosesASuppressedCell() {
    for (ReportFamily family : List.of(indicator, stage)) {
      List<PublishedTable> tables = family.tables();
      for (int i = 0; i < tables.size(); i++) {
        for (int j = i; j < tables.size(); j++) {
          List<PublishedTable> pair =
              i == j ? List.of(tables.get(i)) : List.of(tables.get(i), tables.get(j));
          assertEquals(
              List.of(),
              Attacker.attack(pair, programme.layout.regionOfCentre()),
              tables.get(i).view()
                  + "/"
                  + tables.get(i).grouping()
                  + " with "
                  + tables.get(j).view()
                  + "/"
                  + tables.get(j).grouping());
        }
      }
    }
  }

  @Test
  void allTablesOfAFamilyTogetherDiscloseNothing() {
    for (ReportFamily family : List.of(indicator, stage)) {
      assertEquals(List.of(), Attacker.attack(family.tables(), programme.layout.regionOfCentre()));
    }
  }

  @Test
  void tablesSuppressedOneAtATimeAreBrokenByCombiningTheViews() {
    List<PublishedTable> alone = new ArrayList<>();
    for (SexFilter view : SexFilter.values()) {
      PublishedTable table = suppressedAlone(view, Grouping.CENTRE);
      assertEquals(List.of(), Attacker.attack(List.of(table), programme.layout.regionOfCentre()));
      alone.add(table);
    }
    assertFalse(Attacker.attack(alone, programme.layout.regionOfCentre()).isEmpty());
  }

  @Test
  void twoReportsOnTheSamePopulationTogetherDiscloseNothing() {
    List<PublishedTable> both = new ArrayList<>(indicator.tables());
    both.addAll(stage.tables());
    assertEquals(List.of(), Attacker.attack(both, programme.layout.regionOfCentre()));
  }

  @Test
  void randomProgrammesNeverThrowAndDiscloseNothing() {
    // Attacking both reports together covers each alone: more tables only add equations.
    for (long seed = 1; seed <= 10; seed++) {
      Programme generated = Programme.generate(seed, 150 + (int) (seed * 53 % 600));
      Margins generatedMargins = generated.margins();
      List<PublishedTable> both =
          new ArrayList<>(generated.indicatorReport(generatedMargins).tables());
      both.addAll(generated.stageReport(generatedMargins).tables());
      assertEquals(
          List.of(), Attacker.attack(both, generated.layout.regionOfCentre()), "seed " + seed);
    }
  }

  @Test
  void largeAndSkewedProgrammesNeverThrowAndDiscloseNothing() {
    // Thousands of people, as a vault holds after years (and as the integration suite's vault
    // does):
    // the exact check then finds recoverable cells the greedy step left, and must protect them.
    for (long seed = 11; seed <= 14; seed++) {
      Programme generated = Programme.generate(seed, 1500 + (int) (seed * 397 % 1500));
      Margins generatedMargins = generated.margins();
      List<PublishedTable> tables =
          new ArrayList<>(generated.indicatorReport(generatedMargins).tables());
      tables.addAll(generated.stageReport(generatedMargins).tables());
      assertEquals(
          List.of(), Attacker.attack(tables, generated.layout.regionOfCentre()), "seed " + seed);
    }
  }

  @Test
  void rowTotalsHaveTheSameStatusInEveryReportOnTheSamePopulation() {
    for (SexFilter view : SexFilter.values()) {
      for (Grouping grouping : stage.groupings()) {
        if (!view.offers(grouping)) {
          continue;
        }
        PublishedTable a = indicator.table(view, grouping);
        PublishedTable b = stage.table(view, grouping);
        for (String category : programme.layout.rowsOf(grouping)) {
          assertEquals(a.row(category).total(), b.row(category).total());
          assertEquals(
              margins.rowStatus(view, grouping, category), a.row(category).total().status());
        }
        assertEquals(a.total(), b.total());
      }
    }
  }

  @Test
  void someRowTotalsAreSuppressedSoTheSharingIsTested() {
    assertEquals(CellStatus.PRIMARY, margins.rowStatus(SexFilter.ALL, Grouping.CENTRE, "C17"));
    assertTrue(margins.rowStatus(SexFilter.ALL, Grouping.CENTRE, "C16").suppressed());
    assertTrue(
        indicator.table(SexFilter.F, Grouping.CENTRE).row("C17").total().status().suppressed());
  }

  @Test
  void theStageReportsColumnTotalsAreTheStageMargins() {
    for (SexFilter view : SexFilter.values()) {
      PublishedTable table = stage.table(view, Grouping.COHORT);
      for (int c = 0; c < Programme.STAGES.size(); c++) {
        String stageName = Programme.STAGES.get(c);
        assertEquals(
            margins.rowStatus(view, Grouping.STAGE, stageName),
            table.columnTotals().get(c).status());
      }
    }
    assertFalse(stage.groupings().contains(Grouping.STAGE));
  }

  @Test
  void aOneSexViewOffersNoSexTable() {
    assertThrows(IllegalArgumentException.class, () -> indicator.table(SexFilter.F, Grouping.SEX));
    assertThrows(IllegalArgumentException.class, () -> stage.table(SexFilter.ALL, Grouping.STAGE));
    assertEquals(List.of(Grouping.values()), indicator.groupings());
  }

  @Test
  void marginsOfAnotherPopulationOrThresholdAreRefused() {
    Programme other = Programme.generate(7, 400);
    Margins otherMargins = other.margins();
    assertThrows(IllegalArgumentException.class, () -> programme.indicatorReport(otherMargins));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ReportFamily.of(
                programme.indicatorUnits,
                programme.layout,
                Programme.INDICATOR,
                List.of(Grouping.COHORT),
                null,
                margins,
                3));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ReportFamily.of(
                programme.indicatorUnits,
                programme.layout,
                List.of("YES", "NO"),
                List.of(Grouping.COHORT),
                null,
                margins,
                5));
  }

  @Test
  void theSameInputGivesTheSameTables() {
    Margins again = programme.margins();
    assertEquals(indicator.tables(), programme.indicatorReport(again).tables());
  }

  @Test
  void buildingAFamilyIsFast() {
    for (int i = 0; i < 5; i++) {
      programme.indicatorReport(programme.margins());
      programme.stageReport(programme.margins());
    }
    int runs = 20;
    long marginsNanos = 0;
    long indicatorNanos = 0;
    long stageNanos = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      Margins fresh = programme.margins();
      long afterMargins = System.nanoTime();
      programme.indicatorReport(fresh);
      long afterIndicator = System.nanoTime();
      programme.stageReport(fresh);
      long afterStage = System.nanoTime();
      marginsNanos += afterMargins - start;
      indicatorNanos += afterIndicator - afterMargins;
      stageNanos += afterStage - afterIndicator;
    }
    System.out.printf(
        "reports.table timing (600 people, mean of %d after warm-up): Margins.of %.1f ms,"
            + " indicator family (6 groupings) %.1f ms, stage family (5 groupings) %.1f ms%n",
        runs, marginsNanos / 1e6 / runs, indicatorNanos / 1e6 / runs, stageNanos / 1e6 / runs);
    int suppressed = 0;
    for (PublishedTable table : indicator.tables()) {
      suppressed += table.primaryCount() + table.complementaryCount();
    }
    System.out.println("indicator family: " + suppressed + " suppressed cells shown in its tables");
  }

  /** The table suppressed correctly, but on its own, as if no other table were published. */
  private static PublishedTable suppressedAlone(SexFilter view, Grouping grouping) {
    List<String> columns = Programme.INDICATOR;
    List<String> rows = programme.layout.rowsOf(grouping);
    long[][] counts = counts(view, grouping);
    Suppressor suppressor = new Suppressor();
    int[][] cells = new int[rows.size()][columns.size()];
    int[] rowIds = new int[rows.size()];
    long[] columnSums = new long[columns.size()];
    for (int r = 0; r < rows.size(); r++) {
      long sum = 0;
      for (int c = 0; c < columns.size(); c++) {
        cells[r][c] = suppressor.cell("t" + r + "," + c, counts[r][c]);
        sum += counts[r][c];
        columnSums[c] += counts[r][c];
      }
      rowIds[r] = suppressor.cell("r" + r, sum);
      suppressor.relation(rowIds[r], cells[r]);
    }
    int[] colIds = new int[columns.size()];
    long total = 0;
    for (int c = 0; c < columns.size(); c++) {
      colIds[c] = suppressor.cell("c" + c, columnSums[c]);
      total += columnSums[c];
      int[] column = new int[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        column[r] = cells[r][c];
      }
      suppressor.relation(colIds[c], column);
    }
    int totalId = suppressor.cell("n", total);
    suppressor.relation(totalId, rowIds);
    suppressor.relation(totalId, colIds);
    suppressor.suppress(5);
    List<PublishedRow> published = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<PublishedCell> row = new ArrayList<>();
      for (int id : cells[r]) {
        row.add(PublishedCell.of(suppressor.value(id), suppressor.status(id)));
      }
      published.add(
          new PublishedRow(
              rows.get(r),
              row,
              PublishedCell.of(suppressor.value(rowIds[r]), suppressor.status(rowIds[r]))));
    }
    List<PublishedCell> columnTotals = new ArrayList<>();
    for (int id : colIds) {
      columnTotals.add(PublishedCell.of(suppressor.value(id), suppressor.status(id)));
    }
    return new PublishedTable(
        view,
        grouping,
        columns,
        published,
        columnTotals,
        PublishedCell.of(total, suppressor.status(totalId)),
        0,
        0);
  }

  private static long[][] counts(SexFilter view, Grouping grouping) {
    List<String> rows = programme.layout.rowsOf(grouping);
    long[][] counts = new long[rows.size()][Programme.INDICATOR.size()];
    for (Unit unit : programme.indicatorUnits) {
      if (view.counts(unit.dim(Grouping.SEX))) {
        counts[rows.indexOf(unit.dim(grouping))][Programme.INDICATOR.indexOf(unit.column())]++;
      }
    }
    return counts;
  }

  /** The table with only the primary suppression, as a careless publisher would print it. */
  private static PublishedTable naive(SexFilter view, Grouping grouping) {
    List<String> columns = Programme.INDICATOR;
    List<String> rows = programme.layout.rowsOf(grouping);
    long[][] counts = counts(view, grouping);
    List<PublishedRow> published = new ArrayList<>();
    long[] columnSums = new long[columns.size()];
    long total = 0;
    for (int r = 0; r < rows.size(); r++) {
      List<PublishedCell> cells = new ArrayList<>();
      long sum = 0;
      for (int c = 0; c < columns.size(); c++) {
        cells.add(primaryOnly(counts[r][c]));
        sum += counts[r][c];
        columnSums[c] += counts[r][c];
      }
      total += sum;
      published.add(new PublishedRow(rows.get(r), cells, primaryOnly(sum)));
    }
    List<PublishedCell> columnTotals = new ArrayList<>();
    for (long sum : columnSums) {
      columnTotals.add(primaryOnly(sum));
    }
    return new PublishedTable(
        view, grouping, columns, published, columnTotals, primaryOnly(total), 0, 0);
  }

  private static PublishedCell primaryOnly(long value) {
    return PublishedCell.of(
        value, value > 0 && value < 5 ? CellStatus.PRIMARY : CellStatus.PUBLISHED);
  }
}

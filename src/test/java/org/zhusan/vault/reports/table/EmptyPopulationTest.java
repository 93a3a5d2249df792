package org.zhusan.vault.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A caller whose scope holds no centre, or a date before anyone arrived, gets tables of zeros. */
class EmptyPopulationTest {
  @Test
  void noCentresAndNoPeopleGiveAnEmptyTableNotAnError() {
    Map<Grouping, List<String>> rows = new EnumMap<>(Grouping.class);
    rows.put(Grouping.CENTRE, List.of());
    rows.put(Grouping.REGION, List.of());
    rows.put(Grouping.STAGE, List.of("ADAPTATION", "REHABILITATION"));
    rows.put(Grouping.SEX, List.of("F", "M"));
    rows.put(Grouping.AGE_BAND, List.of("0-5", "UNKNOWN"));
    rows.put(Grouping.COHORT, List.of("2026", "UNKNOWN"));
    Layout layout = new Layout(rows, Map.of());
    Margins margins = Margins.of(List.of(), layout, 5);
    ReportFamily family =
        ReportFamily.of(
            List.of(), layout, List.of("YES", "NO"), List.of(Grouping.values()), null, margins, 5);
    PublishedTable t = family.table(SexFilter.ALL, Grouping.CENTRE);
    assertEquals(0, t.rows().size());
    assertEquals(0L, t.total().value());
    assertEquals(2, family.table(SexFilter.F, Grouping.COHORT).rows().size());
  }
}

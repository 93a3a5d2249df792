package org.zhusan.vault.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarginsTest {

  @Test
  void smallRowTotalsArePrimaryAndAreSumsOfTheirUnits() {
    Programme programme = Programme.generate(3, 600);
    Margins margins = programme.margins();
    long total = 0;
    for (String centre : programme.layout.rowsOf(Grouping.CENTRE)) {
      long value = margins.rowTotal(SexFilter.M, Grouping.CENTRE, centre);
      total += value;
      CellStatus status = margins.rowStatus(SexFilter.M, Grouping.CENTRE, centre);
      if (value > 0 && value < 5) {
        assertEquals(CellStatus.PRIMARY, status);
      }
    }
    assertEquals(margins.total(SexFilter.M), total);
    assertEquals(margins.total(SexFilter.F), margins.rowTotal(SexFilter.ALL, Grouping.SEX, "F"));
    assertEquals(
        margins.totalStatus(SexFilter.F), margins.rowStatus(SexFilter.ALL, Grouping.SEX, "F"));
  }

  @Test
  void aOneCentreRegionSharesItsCentresStatus() {
    Programme programme = Programme.generate(5, 600);
    Margins margins = programme.margins();
    for (SexFilter view : SexFilter.values()) {
      assertEquals(
          margins.rowStatus(view, Grouping.CENTRE, "C01"),
          margins.rowStatus(view, Grouping.REGION, "R01"));
    }
  }

  @Test
  void anUnlistedCategoryIsRefused() {
    Layout layout = Programme.layout();
    Map<Grouping, String> dims = new EnumMap<>(Grouping.class);
    dims.put(Grouping.CENTRE, "C01");
    dims.put(Grouping.REGION, "R01");
    dims.put(Grouping.STAGE, "INTAKE");
    dims.put(Grouping.SEX, "F");
    dims.put(Grouping.AGE_BAND, "18-34");
    dims.put(Grouping.COHORT, "2031");
    List<Unit> units = new ArrayList<>(List.of(new Unit(dims, "YES")));
    assertThrows(IllegalArgumentException.class, () -> Margins.of(units, layout, 5));

    dims.put(Grouping.COHORT, "2020");
    dims.put(Grouping.REGION, "R02");
    List<Unit> wrongRegion = List.of(new Unit(dims, "YES"));
    assertThrows(IllegalArgumentException.class, () -> Margins.of(wrongRegion, layout, 5));

    dims.remove(Grouping.AGE_BAND);
    assertThrows(IllegalArgumentException.class, () -> new Unit(dims, "YES"));
  }
}

package org.zhusan.vault.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeBandTest {
  private static final LocalDate AT = LocalDate.of(2026, 6, 30);

  @Test
  void theBandFollowsTheBirthdayNotTheYear() {
    assertEquals("0-5", AgeBand.of(LocalDate.of(2020, 7, 1), AT)); // 5 until 1 July
    assertEquals("6-17", AgeBand.of(LocalDate.of(2020, 6, 30), AT));
    assertEquals("6-17", AgeBand.of(LocalDate.of(2008, 7, 1), AT));
    assertEquals("18-29", AgeBand.of(LocalDate.of(2008, 6, 30), AT));
    assertEquals("30-44", AgeBand.of(LocalDate.of(1990, 1, 1), AT));
    assertEquals("45+", AgeBand.of(LocalDate.of(1981, 6, 30), AT));
  }

  @Test
  void aYearBandCountsFromItsMiddleYearAndAnythingElseIsUnknown() {
    assertEquals("6-17", AgeBand.ofYearBand("2010-2014", AT)); // 2012: 14
    assertEquals("0-5", AgeBand.ofYearBand("2020-2024", AT));
    assertEquals("UNKNOWN", AgeBand.ofYearBand(null, AT));
    assertEquals("UNKNOWN", AgeBand.ofYearBand("2030-2034", AT)); // not born yet
  }
}

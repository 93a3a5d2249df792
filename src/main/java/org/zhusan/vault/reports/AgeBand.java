package org.zhusan.vault.reports;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Age bands of the reports: preschool, school age, and three adult bands. A person's age comes from
 * the date of birth (opened in memory) or, when only a year-of-birth band is known, from its middle
 * year.
 */
final class AgeBand {
  static final String UNKNOWN = "UNKNOWN";
  static final List<String> ROWS = List.of("0-5", "6-17", "18-29", "30-44", "45+", UNKNOWN);

  private AgeBand() {}

  /** The band of someone born on {@code birth} at {@code date}. */
  static String of(LocalDate birth, LocalDate date) {
    return ofAge(Period.between(birth, date).getYears());
  }

  /** The band from a year-of-birth band such as {@code 2010-2014}, by its middle year. */
  static String ofYearBand(String band, LocalDate date) {
    if (band == null || !band.matches("[0-9]{4}-[0-9]{4}")) {
      return UNKNOWN;
    }
    int from = Integer.parseInt(band.substring(0, 4));
    int to = Integer.parseInt(band.substring(5));
    return ofAge(date.getYear() - (from + to) / 2);
  }

  static String ofAge(int age) {
    if (age < 0) {
      return UNKNOWN;
    }
    if (age <= 5) {
      return "0-5";
    }
    if (age <= 17) {
      return "6-17";
    }
    if (age <= 29) {
      return "18-29";
    }
    return age <= 44 ? "30-44" : "45+";
  }
}

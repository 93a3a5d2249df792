package org.zhusan.vault.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.zhusan.vault.outcomes.IndicatorKind;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.reports.table.Grouping;
import org.zhusan.vault.reports.table.SexFilter;

/**
 * Parsing of report parameters at the edge: each is chosen from a list or is a date, so a report's
 * parameters can name it in the access log. Every refusal is a 400 naming the parameter.
 */
final class ReportRequest {
  /** No programme record predates this. */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  /** The longest stage trend, in months (one suppressed table per month). */
  static final int MAX_MONTHS = 36;

  private ReportRequest() {}

  static LocalDate date(String raw) {
    LocalDate today = today();
    if (raw == null || raw.isBlank()) {
      return today;
    }
    try {
      LocalDate d = LocalDate.parse(raw.strip());
      if (d.isAfter(today) || d.isBefore(EARLIEST)) {
        throw VaultException.badRequest(
            "invalid-date", "date must not be in the future nor before " + EARLIEST + ".");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw VaultException.badRequest("invalid-date", "date must be a date (yyyy-MM-dd).");
    }
  }

  static YearMonth month(String raw, String name, YearMonth otherwise) {
    if (raw == null || raw.isBlank()) {
      return otherwise;
    }
    try {
      YearMonth m = YearMonth.parse(raw.strip());
      if (m.isAfter(YearMonth.from(today())) || m.isBefore(YearMonth.from(EARLIEST))) {
        throw VaultException.badRequest(
            "invalid-" + name, name + " must not be in the future nor before 2000-01.");
      }
      return m;
    } catch (DateTimeParseException e) {
      throw VaultException.badRequest("invalid-" + name, name + " must be a month (yyyy-MM).");
    }
  }

  static Grouping grouping(String raw, Grouping otherwise) {
    if (raw == null || raw.isBlank()) {
      return otherwise;
    }
    try {
      return Grouping.valueOf(raw.strip());
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest(
          "invalid-groupBy",
          "groupBy must be one of " + java.util.Arrays.toString(Grouping.values()) + ".");
    }
  }

  static SexFilter sex(String raw) {
    if (raw == null || raw.isBlank()) {
      return SexFilter.ALL;
    }
    return switch (raw.strip()) {
      case "F" -> SexFilter.F;
      case "M" -> SexFilter.M;
      default -> throw VaultException.badRequest("invalid-sex", "sex must be F or M (or absent).");
    };
  }

  static IndicatorKind kind(String raw) {
    return IndicatorKind.parse(raw == null ? "" : raw.strip())
        .orElseThrow(
            () ->
                VaultException.badRequest(
                    "invalid-kind", "kind must be one of the indicator kinds (GET /api/reports)."));
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}

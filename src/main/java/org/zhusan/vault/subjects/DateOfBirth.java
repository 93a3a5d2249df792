package org.zhusan.vault.subjects;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * A subject's date of birth as sent: an ISO calendar date ({@code 1990-04-12}) that exists and is
 * not in the future. Kept as text because it is sealed as text; checked here so that an impossible
 * date such as {@code 2024-02-30} is refused instead of stored. (A subject whose exact date is
 * unknown gets a {@code birthYearBand} instead.)
 */
final class DateOfBirth {
  private static final DateTimeFormatter ISO_STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private DateOfBirth() {}

  /** {@code raw} if it is a real past date; else 400 naming the field (not its value). */
  static String check(String raw, LocalDate today) {
    if (raw == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(raw, ISO_STRICT);
    } catch (DateTimeParseException e) {
      throw VaultException.badRequest(
          "invalid-date-of-birth", "dateOfBirth must be a real calendar date written YYYY-MM-DD.");
    }
    if (date.isAfter(today)) {
      throw VaultException.badRequest(
          "invalid-date-of-birth", "dateOfBirth must not be in the future.");
    }
    return raw;
  }
}

package org.zhusan.vault.access.policy;

import java.time.Duration;
import java.util.Objects;

/** Checks shared by the duration settings. */
final class Durations {
  private Durations() {}

  /**
   * ISO-8601 as written in the policy file: whole days as {@code P7D} (not {@code PT168H}), else as
   * usual.
   */
  static String format(Duration d) {
    long seconds = d.getSeconds();
    if (d.getNano() == 0 && seconds > 0 && seconds % 86_400 == 0) {
      return "P" + seconds / 86_400 + "D";
    }
    return d.toString();
  }

  static void requireLimits(String section, Duration defaultDuration, Duration maxDuration) {
    Objects.requireNonNull(defaultDuration, section + ": defaultDuration is required.");
    Objects.requireNonNull(maxDuration, section + ": maxDuration is required.");
    if (defaultDuration.isNegative()
        || defaultDuration.isZero()
        || maxDuration.isNegative()
        || maxDuration.isZero()) {
      throw new IllegalArgumentException(section + ": durations must be positive.");
    }
    if (defaultDuration.compareTo(maxDuration) > 0) {
      throw new IllegalArgumentException(
          section + ": defaultDuration must not exceed maxDuration.");
    }
  }
}

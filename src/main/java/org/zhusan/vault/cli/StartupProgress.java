package org.zhusan.vault.cli;

import java.time.Duration;

/**
 * What {@code run} says while it waits for the server: a line every {@link #EVERY}, so an operator
 * on a slow or loaded machine sees it is still starting rather than hung, and how to wait longer
 * when it gives up.
 */
final class StartupProgress {
  /** Generous: a cold start takes ~20 s on two idle cores, and minutes on a loaded machine. */
  static final String DEFAULT_TIMEOUT = "PT10M";

  static final Duration EVERY = Duration.ofSeconds(10);

  private final Duration limit;

  StartupProgress(Duration limit) {
    if (limit == null || limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException(
          "the startup timeout must be positive, e.g. PT10M (got " + limit + ")");
    }
    this.limit = limit;
  }

  String message(Duration elapsed) {
    return "Still starting\u2026 "
        + elapsed.toSeconds()
        + " s (gives up after "
        + human(limit)
        + ")";
  }

  String gaveUp(String baseUrl) {
    return "The vault did not become ready within "
        + human(limit)
        + " and is stopped; see the server log above ("
        + baseUrl
        + "/health/ready). On a loaded machine, wait longer: --startup-timeout or"
        + " VAULT_STARTUP_TIMEOUT (e.g. PT20M).";
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    return s % 60 == 0 ? (s / 60) + " min" : s + " s";
  }
}

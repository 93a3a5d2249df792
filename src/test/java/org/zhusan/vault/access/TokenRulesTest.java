package org.zhusan.vault.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.access.TokenRules.TimeClaims;

class TokenRulesTest {
  static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");
  static final long T = NOW.getEpochSecond();
  static final TokenRules RULES = new TokenRules(Duration.ofSeconds(60), Duration.ofHours(1));

  @Test
  void anHourLongTokenIssuedNowIsAccepted() {
    assertEquals(Optional.empty(), RULES.violation(new TimeClaims(T, T, T + 3600), NOW));
  }

  @Test
  void notBeforeWithinTheClockSkewIsAccepted() {
    assertEquals(Optional.empty(), RULES.violation(new TimeClaims(T + 60, T + 60, T + 600), NOW));
  }

  @Test
  void notBeforeBeyondTheClockSkewIsRefused() {
    assertTrue(
        RULES.violation(new TimeClaims(T, T + 61, T + 600), NOW).orElseThrow().contains("nbf"));
  }

  @Test
  void issuedInTheFutureBeyondTheSkewIsRefused() {
    assertTrue(
        RULES.violation(new TimeClaims(T + 120, null, T + 600), NOW).orElseThrow().contains("iat"));
  }

  @Test
  void lifetimeOneSecondOverTheMaximumIsRefused() {
    assertTrue(
        RULES.violation(new TimeClaims(T, null, T + 3601), NOW).orElseThrow().contains("lifetime"));
  }

  @Test
  void aCenturyLongTokenIsRefused() {
    long century = Duration.ofDays(36525).toSeconds();
    assertTrue(RULES.violation(new TimeClaims(T, null, T + century), NOW).isPresent());
  }

  @Test
  void missingIssueTimeIsRefusedBecauseTheLifetimeIsUnknown() {
    assertTrue(
        RULES.violation(new TimeClaims(null, null, T + 60), NOW).orElseThrow().contains("iat"));
  }

  @Test
  void missingExpiryIsRefused() {
    assertTrue(RULES.violation(new TimeClaims(T, null, null), NOW).orElseThrow().contains("exp"));
  }

  @Test
  void settingsOutsideSaneBoundsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TokenRules(Duration.ofMinutes(6), Duration.ofHours(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TokenRules(Duration.ofSeconds(-1), Duration.ofHours(1)));
    assertThrows(
        IllegalArgumentException.class, () -> new TokenRules(Duration.ZERO, Duration.ZERO));
  }
}

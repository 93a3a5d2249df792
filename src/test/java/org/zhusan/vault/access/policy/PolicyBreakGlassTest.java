package org.zhusan.vault.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.access.policy.PolicyFixtures.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhusan.vault.access.Role;

/**
 * Break-glass against the default policy: LAWYER, PSYCHOLOGIST, PSYCHIATRIST, DOCTOR; 30
 * characters; PT1H/PT4H.
 */
class PolicyBreakGlassTest {
  private static final Policy POLICY = PolicyLoader.defaults();
  private static final Instant NOW = Instant.parse("2025-11-25T09:00:00Z");

  /** Exactly 30 characters. */
  private static final String THIRTY = "Seizure on arrival; need meds.";

  @Test
  void theJustificationFixtureIsThirtyCharacters() {
    assertEquals(30, THIRTY.length());
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"LAWYER", "PSYCHOLOGIST", "PSYCHIATRIST", "DOCTOR"})
  void clinicalAndLegalRolesMayBreakTheGlassForTheDefaultHour(Role role) {
    PolicyDecision d = POLICY.decideBreakGlass(user(role), THIRTY, null, NOW);
    assertTrue(d.allowed(), d.toString());
    assertEquals("break-glass", d.rule());
    assertEquals(Optional.of(role), d.roleUsed());
    assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), d.expiresAt());
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"SOCIAL_WORKER", "TEACHER", "THEOLOGIAN", "NGO_PARTNER"})
  void otherRolesMayNot(Role role) {
    PolicyDecision d = POLICY.decideBreakGlass(user(role), THIRTY, null, NOW);
    assertFalse(d.allowed());
    assertEquals("break-glass:role", d.rule());
    assertEquals(
        "Break-glass is open only to LAWYER, PSYCHOLOGIST, PSYCHIATRIST, DOCTOR.", d.reason());
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"AUDITOR", "ADMIN"})
  void auditorsAndAdminsNeverMayEvenWithAClinicalRole(Role role) {
    assertEquals(
        "separation-of-duties", POLICY.decideBreakGlass(user(role), THIRTY, null, NOW).rule());
    PolicyDecision alsoDoctor = POLICY.decideBreakGlass(user(Role.DOCTOR, role), THIRTY, null, NOW);
    assertFalse(alsoDoctor.allowed());
    assertEquals("separation-of-duties", alsoDoctor.rule());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "Urgent.",
        "  Seizure on arrival; need meds  ",
        "\t\n Seizure on arrival; need med\n"
      })
  void aShortJustificationIsRefusedEvenWhenPadded(String justification) {
    PolicyDecision d = POLICY.decideBreakGlass(user(Role.DOCTOR), justification, null, NOW);
    assertFalse(d.allowed(), "'" + justification + "'");
    assertEquals("break-glass:justification", d.rule());
    assertTrue(
        d.reason()
            .startsWith("Break-glass needs a written justification of at least 30 characters"),
        d.reason());
  }

  @Test
  void aMissingJustificationIsRefused() {
    assertEquals(
        "break-glass:justification",
        POLICY.decideBreakGlass(user(Role.DOCTOR), null, null, NOW).rule());
  }

  @Test
  void paddingAroundAnAdequateJustificationIsFine() {
    assertTrue(
        POLICY.decideBreakGlass(user(Role.DOCTOR), "\n  " + THIRTY + "  \t", null, NOW).allowed());
  }

  @Test
  void lengthCountsCharactersNotBytesOrUtf16Units() {
    String kazakh = "Науқас есінен танды, дәрі қажет"; // 31 characters, all in the BMP
    assertTrue(POLICY.decideBreakGlass(user(Role.DOCTOR), kazakh, null, NOW).allowed());
    String emoji = "\uD83D\uDEA8".repeat(29); // 29 characters, 58 UTF-16 units
    assertEquals(
        "break-glass:justification",
        POLICY.decideBreakGlass(user(Role.DOCTOR), emoji, null, NOW).rule());
  }

  @Test
  void theDurationIsCappedAtTheMaximum() {
    assertEquals(
        Optional.of(NOW.plus(Duration.ofHours(4))),
        POLICY.decideBreakGlass(user(Role.LAWYER), THIRTY, Duration.ofHours(4), NOW).expiresAt());
    PolicyDecision tooLong =
        POLICY.decideBreakGlass(user(Role.LAWYER), THIRTY, Duration.ofHours(4).plusSeconds(1), NOW);
    assertFalse(tooLong.allowed());
    assertEquals("break-glass:duration", tooLong.rule());
    assertEquals("Break-glass lasts at most PT4H (asked for PT4H1S).", tooLong.reason());
    assertEquals(
        "break-glass:duration",
        POLICY.decideBreakGlass(user(Role.LAWYER), THIRTY, Duration.ZERO, NOW).rule());
    assertEquals(
        Optional.of(NOW.plus(Duration.ofMinutes(15))),
        POLICY
            .decideBreakGlass(user(Role.LAWYER), THIRTY, Duration.ofMinutes(15), NOW)
            .expiresAt());
  }

  @Test
  void settingsComeFromTheFile() {
    Policy strict =
        PolicyFixtures.defaultWith(
            "  min-justification-length: 30", "  min-justification-length: 40");
    assertEquals(
        "break-glass:justification",
        strict.decideBreakGlass(user(Role.DOCTOR), THIRTY, null, NOW).rule());
    Policy lawyersOnly =
        PolicyFixtures.defaultWith(
            "  roles: [LAWYER, PSYCHOLOGIST, PSYCHIATRIST, DOCTOR]", "  roles: [LAWYER]");
    assertEquals(
        "break-glass:role",
        lawyersOnly.decideBreakGlass(user(Role.DOCTOR), THIRTY, null, NOW).rule());
  }

  // ---- acting under break-glass
  // --------------------------------------------------------------------

  @Test
  void underBreakGlassTheUserReadsUntilItEnds() {
    Instant until = NOW.plus(Duration.ofHours(1));
    PolicyDecision read =
        POLICY.decideUnderBreakGlass(user(Role.PSYCHIATRIST), until, NOW, Operation.READ);
    assertTrue(read.allowed());
    assertEquals("break-glass", read.rule());
    assertEquals(Optional.of(until), read.expiresAt());

    assertEquals(
        "break-glass:read-only",
        POLICY.decideUnderBreakGlass(user(Role.PSYCHIATRIST), until, NOW, Operation.WRITE).rule());
    assertEquals(
        "break-glass:expired",
        POLICY.decideUnderBreakGlass(user(Role.PSYCHIATRIST), until, until, Operation.READ).rule());
    assertEquals(
        "break-glass:role",
        POLICY.decideUnderBreakGlass(user(Role.TEACHER), until, NOW, Operation.READ).rule());
    assertEquals(
        "separation-of-duties",
        POLICY
            .decideUnderBreakGlass(user(Role.PSYCHIATRIST, Role.ADMIN), until, NOW, Operation.READ)
            .rule());
  }
}

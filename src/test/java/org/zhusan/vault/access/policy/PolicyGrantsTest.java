package org.zhusan.vault.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.access.policy.PolicyFixtures.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhusan.vault.access.Role;
import org.zhusan.vault.access.StaffUser;

/**
 * Using grants, and creating them, against the default policy (grants last P7D by default, P30D at
 * most).
 */
class PolicyGrantsTest {
  private static final Policy POLICY = PolicyLoader.defaults();
  private static final Instant NOW = Instant.parse("2025-11-25T09:00:00Z");

  private final StaffUser psychologist = user("psy-1", Set.of(Role.PSYCHOLOGIST), "AST-01");
  private final StaffUser lawyer = user("law-1", Set.of(Role.LAWYER), "KZO-02");
  private final Grant grant =
      new Grant(
          "g-42",
          "doc-7",
          null,
          "psy-1",
          "law-1",
          Purpose.LEGAL_PROCEEDING,
          NOW.plus(Duration.ofDays(3)),
          null);

  // ---- using a grant
  // -------------------------------------------------------------------------------

  @Test
  void aLiveGrantLetsTheGranteeReadEvenOutsideTheirCentres() {
    PolicyDecision d = POLICY.decideWithGrant(lawyer, grant, NOW, Operation.READ);
    assertTrue(d.allowed(), d.toString());
    assertEquals("grant:g-42", d.rule());
    assertEquals(Optional.of(grant.expiresAt()), d.expiresAt());
    assertEquals(Optional.empty(), d.roleUsed());
    assertEquals("LAWYER", d.roleForLog(lawyer));
  }

  @Test
  void aGrantNeverAllowsWriting() {
    PolicyDecision d = POLICY.decideWithGrant(lawyer, grant, NOW, Operation.WRITE);
    assertFalse(d.allowed());
    assertEquals("grant:g-42", d.rule());
    assertEquals("A grant allows reading only.", d.reason());
  }

  @Test
  void anExpiredGrantAllowsNothing() {
    assertTrue(
        POLICY
            .decideWithGrant(lawyer, grant, grant.expiresAt().minusMillis(1), Operation.READ)
            .allowed());
    PolicyDecision atExpiry =
        POLICY.decideWithGrant(lawyer, grant, grant.expiresAt(), Operation.READ);
    assertFalse(atExpiry.allowed());
    assertEquals("grant:g-42", atExpiry.rule());
    assertTrue(atExpiry.reason().startsWith("This grant expired"), atExpiry.reason());
    assertFalse(
        POLICY
            .decideWithGrant(lawyer, grant, NOW.plus(Duration.ofDays(30)), Operation.READ)
            .allowed());
  }

  @Test
  void aRevokedGrantAllowsNothingAtOnce() {
    Grant revoked = grant.revokedAt(NOW);
    PolicyDecision d = POLICY.decideWithGrant(lawyer, revoked, NOW, Operation.READ);
    assertFalse(d.allowed());
    assertTrue(d.reason().startsWith("This grant was revoked"), d.reason());
    assertFalse(revoked.isLive(NOW));
  }

  @Test
  void onlyTheGranteeMayUseIt() {
    StaffUser otherLawyer = user("law-2", Set.of(Role.LAWYER), "KZO-02");
    PolicyDecision d = POLICY.decideWithGrant(otherLawyer, grant, NOW, Operation.READ);
    assertFalse(d.allowed());
    assertTrue(d.hideExistence(), "someone else's grant reveals nothing");
    assertFalse(
        POLICY.decideWithGrant(psychologist, grant, NOW, Operation.READ).allowed(),
        "not even the grantor");
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"AUDITOR", "ADMIN"})
  void auditorsAndAdminsNeverReadThroughAGrant(Role role) {
    Grant toThem =
        new Grant(
            "g-43", "doc-7", null, "psy-1", "meta-1", Purpose.AUDIT, NOW.plusSeconds(60), null);
    for (StaffUser u :
        new StaffUser[] {
          user("meta-1", Set.of(role), "AST-01"),
          user("meta-1", Set.of(role, Role.DOCTOR), "AST-01")
        }) {
      PolicyDecision d = POLICY.decideWithGrant(u, toThem, NOW, Operation.READ);
      assertFalse(d.allowed());
      assertEquals("separation-of-duties", d.rule());
    }
  }

  @Test
  void aGrantCoversOnlyItsDocumentAndVersion() {
    assertTrue(
        POLICY.decideWithGrant(lawyer, grant, "doc-7", "v-1", NOW, Operation.READ).allowed());
    assertTrue(POLICY.decideWithGrant(lawyer, grant, "doc-7", null, NOW, Operation.READ).allowed());
    PolicyDecision other =
        POLICY.decideWithGrant(lawyer, grant, "doc-8", null, NOW, Operation.READ);
    assertFalse(other.allowed());
    assertTrue(other.hideExistence());

    Grant oneVersion =
        new Grant(
            "g-44",
            "doc-7",
            "v-2",
            "psy-1",
            "law-1",
            Purpose.LEGAL_PROCEEDING,
            NOW.plusSeconds(60),
            null);
    assertTrue(
        POLICY.decideWithGrant(lawyer, oneVersion, "doc-7", "v-2", NOW, Operation.READ).allowed());
    assertFalse(
        POLICY.decideWithGrant(lawyer, oneVersion, "doc-7", "v-1", NOW, Operation.READ).allowed());
    assertFalse(
        POLICY.decideWithGrant(lawyer, oneVersion, "doc-7", null, NOW, Operation.READ).allowed());
  }

  // ---- creating a grant
  // ----------------------------------------------------------------------------

  @Test
  void aNewGrantLastsTheDefaultUnlessAsked() {
    PolicyDecision d =
        POLICY.validateNewGrant(psychologist, true, "law-1", "LEGAL_PROCEEDING", null, NOW);
    assertTrue(d.allowed(), d.toString());
    assertEquals("grant-create", d.rule());
    assertEquals(Optional.of(NOW.plus(Duration.ofDays(7))), d.expiresAt());

    PolicyDecision twoDays =
        POLICY.validateNewGrant(
            psychologist, true, "law-1", "LEGAL_PROCEEDING", Duration.ofDays(2), NOW);
    assertEquals(Optional.of(NOW.plus(Duration.ofDays(2))), twoDays.expiresAt());
  }

  @Test
  void aNewGrantLastsAtMostTheMaximum() {
    assertEquals(
        Optional.of(NOW.plus(Duration.ofDays(30))),
        POLICY
            .validateNewGrant(psychologist, true, "law-1", "TREATMENT", Duration.ofDays(30), NOW)
            .expiresAt());
    PolicyDecision tooLong =
        POLICY.validateNewGrant(
            psychologist, true, "law-1", "TREATMENT", Duration.ofDays(30).plusSeconds(1), NOW);
    assertFalse(tooLong.allowed());
    assertEquals("grant-create:duration", tooLong.rule());
    assertEquals("Grants last at most P30D (asked for PT720H1S).", tooLong.reason());
    assertEquals(Optional.empty(), tooLong.expiresAt());
  }

  @Test
  void aNewGrantNeedsAPositiveDuration() {
    for (Duration d : new Duration[] {Duration.ZERO, Duration.ofHours(-1)}) {
      PolicyDecision decision =
          POLICY.validateNewGrant(psychologist, true, "law-1", "TREATMENT", d, NOW);
      assertFalse(decision.allowed());
      assertEquals("grant-create:duration", decision.rule());
    }
  }

  @Test
  void onlyAUserWhoMayReadTheDocumentMayShareIt() {
    PolicyDecision d =
        POLICY.validateNewGrant(psychologist, false, "law-1", "TREATMENT", null, NOW);
    assertFalse(d.allowed());
    assertEquals("grant-create:not-entitled", d.rule());
  }

  @Test
  void nobodyGrantsToThemselves() {
    PolicyDecision d = POLICY.validateNewGrant(psychologist, true, "psy-1", "TREATMENT", null, NOW);
    assertFalse(d.allowed());
    assertEquals("grant-create:self", d.rule());
  }

  @Test
  void aGrantNeedsAGrantee() {
    assertEquals(
        "grant-create:grantee",
        POLICY.validateNewGrant(psychologist, true, "  ", "TREATMENT", null, NOW).rule());
    assertEquals(
        "grant-create:grantee",
        POLICY.validateNewGrant(psychologist, true, null, "TREATMENT", null, NOW).rule());
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"AUDITOR", "ADMIN"})
  void auditorsAndAdminsNeverShareContent(Role role) {
    PolicyDecision d =
        POLICY.validateNewGrant(
            user("meta-1", Set.of(role), "AST-01"), true, "law-1", "AUDIT", null, NOW);
    assertFalse(d.allowed());
    assertEquals("separation-of-duties", d.rule());
  }

  @Test
  void aGrantNeedsAKnownPurpose() {
    PurposeException unknown =
        assertThrows(
            PurposeException.class,
            () -> POLICY.validateNewGrant(psychologist, true, "law-1", "CURIOSITY", null, NOW));
    assertFalse(unknown.missing());
    PurposeException missing =
        assertThrows(
            PurposeException.class,
            () -> POLICY.validateNewGrant(psychologist, true, "law-1", null, null, NOW));
    assertTrue(missing.missing());
  }

  @Test
  void grantLimitsComeFromTheFile() {
    Policy shortGrants =
        PolicyFixtures.defaultWith("  default-duration: P7D", "  default-duration: P1D");
    assertEquals(
        Optional.of(NOW.plus(Duration.ofDays(1))),
        shortGrants
            .validateNewGrant(psychologist, true, "law-1", "TREATMENT", null, NOW)
            .expiresAt());
  }

  @Test
  void grantsRequireTheirFields() {
    assertThrows(
        NullPointerException.class, () -> new Grant("g", "d", null, "a", "b", null, NOW, null));
    assertThrows(
        NullPointerException.class,
        () -> new Grant("g", "d", null, "a", "b", Purpose.TREATMENT, null, null));
  }
}

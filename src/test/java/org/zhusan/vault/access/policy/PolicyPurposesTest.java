package org.zhusan.vault.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.access.policy.PolicyFixtures.user;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhusan.vault.access.Role;

class PolicyPurposesTest {
  private static final Policy POLICY = PolicyLoader.defaults();

  @ParameterizedTest
  @EnumSource(Purpose.class)
  void everyPurposeIsInUseByDefault(Purpose purpose) {
    assertEquals(purpose, POLICY.parsePurpose(purpose.name()));
    assertEquals(purpose, POLICY.parsePurpose("  " + purpose.name() + "\t"));
  }

  @Test
  void theFixedListIsTheOneInTheDesign() {
    assertEquals(
        Set.of(
            "TREATMENT",
            "LEGAL_PROCEEDING",
            "ASSESSMENT",
            "AUDIT",
            "EMERGENCY",
            "SOCIAL_SUPPORT",
            "EDUCATION",
            "PASTORAL"),
        Set.copyOf(Purpose.names()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"treatment", "FUN", "TREATMENT,AUDIT", "LEGAL PROCEEDING"})
  void unknownPurposesAreRefused(String raw) {
    PurposeException e = assertThrows(PurposeException.class, () -> POLICY.parsePurpose(raw));
    assertFalse(e.missing());
    assertEquals(
        "Unknown purpose of use '"
            + raw
            + "': expected one of TREATMENT, LEGAL_PROCEEDING, ASSESSMENT, "
            + "AUDIT, EMERGENCY, SOCIAL_SUPPORT, EDUCATION, PASTORAL.",
        e.getMessage());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void aMissingPurposeIsRefusedDistinctly(String raw) {
    PurposeException e = assertThrows(PurposeException.class, () -> POLICY.parsePurpose(raw));
    assertTrue(e.missing());
    assertTrue(
        e.getMessage().startsWith("A purpose of use is required: one of TREATMENT"),
        e.getMessage());
  }

  @Test
  void longOrControlInputIsNotEchoedWhole() {
    String raw = "X".repeat(500) + "\n";
    PurposeException e =
        assertThrows(PurposeException.class, () -> POLICY.parsePurpose("\u0007" + raw));
    assertTrue(
        e.getMessage().startsWith("Unknown purpose of use '?" + "X".repeat(39) + "…'"),
        e.getMessage());
  }

  @Test
  void aPurposeNotInUseIsUnknown() {
    Policy small = PolicyFixtures.Small.policy(); // allowed: [TREATMENT, LEGAL_PROCEEDING]
    PurposeException e = assertThrows(PurposeException.class, () -> small.parsePurpose("PASTORAL"));
    assertFalse(e.missing());
    assertEquals(
        "Unknown purpose of use 'PASTORAL': expected one of TREATMENT, LEGAL_PROCEEDING.",
        e.getMessage());
    assertEquals(Purpose.TREATMENT, small.parsePurpose("TREATMENT"));
  }

  @Test
  void rolesStateThePurposesListedForThem() {
    PolicyDecision pastoral = POLICY.decidePurpose(user(Role.THEOLOGIAN), Purpose.PASTORAL);
    assertTrue(pastoral.allowed());
    assertEquals("purpose:THEOLOGIAN:PASTORAL", pastoral.rule());

    PolicyDecision treatment = POLICY.decidePurpose(user(Role.THEOLOGIAN), Purpose.TREATMENT);
    assertFalse(treatment.allowed());
    assertEquals("purpose:THEOLOGIAN:TREATMENT", treatment.rule());

    PolicyDecision either =
        POLICY.decidePurpose(user(Role.THEOLOGIAN, Role.DOCTOR), Purpose.TREATMENT);
    assertEquals("purpose:DOCTOR:TREATMENT", either.rule());
  }

  @Test
  void aRoleWithoutAListMayStateAnyPurposeInUse() {
    Policy small = PolicyFixtures.Small.policy();
    assertEquals(
        Set.of(Purpose.TREATMENT, Purpose.LEGAL_PROCEEDING), small.purposesFor(Role.TEACHER));
    assertTrue(small.decidePurpose(user(Role.TEACHER), Purpose.LEGAL_PROCEEDING).allowed());
    assertFalse(small.decidePurpose(user(Role.DOCTOR), Purpose.LEGAL_PROCEEDING).allowed());
  }

  @Test
  void defaultPurposesByRole() {
    assertEquals(Set.of(), POLICY.purposesFor(Role.ADMIN));
    assertEquals(Set.of(Purpose.AUDIT), POLICY.purposesFor(Role.AUDITOR));
    Arrays.stream(Role.values())
        .forEach(r -> assertTrue(POLICY.file().purposesByRole().containsKey(r), r.name()));
  }
}
